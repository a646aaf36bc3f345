package io.github.gatlingssh.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.SimulationLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs of real Gatling 3.15.1 runs, merged, then read by Gatling's own report generator. */
class RealLogMergeTest {
  @TempDir static Path dir;
  private static List<Path> logs;

  @BeforeAll
  static void runGatlingThreeTimes() throws IOException {
    logs = RealLogs.run(dir.resolve("injectors"), 3);
  }

  @Test
  void theCodecReencodesARealLogToTheSameBytes() throws IOException {
    Path copy = dir.resolve("copy.log");
    try (SimulationLogWriter writer = SimulationLogWriter.create(copy, Logs.header(logs.get(0)))) {
      for (LogRecord r : Logs.records(logs.get(0))) {
        writer.write(r);
      }
    }

    assertThat(Files.mismatch(logs.get(0), copy)).isEqualTo(-1L);
  }

  @Test
  void scenariosDeclaredInAnotherOrderAreUnitedByName() throws IOException {
    assertThat(Logs.header(logs.get(0)).scenarios()).containsExactly("main", "extra");
    assertThat(Logs.header(logs.get(1)).scenarios()).containsExactly("extra", "main");
    Path merged = dir.resolve("union.log");

    LogMerger.merge(logs, merged);

    RunRecord header = Logs.header(merged);
    assertThat(header.scenarios()).containsExactly("main", "extra");
    List<LogRecord> sum = new ArrayList<>();
    for (Path log : logs) {
      sum.addAll(Logs.records(log));
    }
    assertThat(Logs.records(merged)).containsExactlyInAnyOrderElementsOf(sum);
    assertThat(users(Logs.records(merged)))
        .isEqualTo(Map.of("main", 6L, "extra", 6L)); // 3 starts + 3 ends each
  }

  @Test
  void gatlingReportsOnTheMergedRunAndItsAssertionsPass() {
    Output output = merge(dir.resolve("two"), logs.get(0).getParent(), logs.get(1).getParent());

    assertThat(output.code).as(output.text).isZero();
    Path index = reportPath(output);
    assertThat(index).exists().startsWith(dir.resolve("two"));
    assertThat(index.resolveSibling("simulation.log")).exists();
    assertThat(output.text).contains("Merged 2 simulation.log files");
    // Gatling's own re-check of the assertion: 6 requests (2 runs of 3)
    assertThat(output.text).contains("actual : 6");
  }

  @Test
  void assertionsThatFailOnTheMergedDataGiveANonZeroExitLikeGatling() {
    // the injectors' results folders, each holding one run folder
    Output output =
        merge(
            dir.resolve("three"),
            dir.resolve("injectors/injector-0"),
            dir.resolve("injectors/injector-1"),
            dir.resolve("injectors/injector-2"));

    assertThat(output.code).as(output.text).isEqualTo(2);
    assertThat(output.text).contains("actual : 9").contains("Assertions failed on the merged data");
    assertThat(reportPath(output)).exists();
  }

  @Test
  void mismatchedInputsExitWithOneNamingTheFile() throws IOException {
    Path other = dir.resolve("other.log");
    Logs.write(
        other,
        new RunRecord("3.15.1", "com.example.Other", 1L, "", List.of(), Logs.ASSERTIONS),
        List.of());

    Output output = merge(dir.resolve("mismatch"), logs.get(0).getParent(), other);

    assertThat(output.code).isEqualTo(1);
    assertThat(output.text).contains("Cannot merge: " + other + " is a run of com.example.Other");
    try (Stream<Path> runs = Files.list(dir.resolve("mismatch"))) {
      assertThat(runs).isEmpty();
    }
  }

  private static Map<String, Long> users(List<LogRecord> records) {
    return records.stream()
        .filter(UserRecord.class::isInstance)
        .map(UserRecord.class::cast)
        .collect(Collectors.groupingBy(UserRecord::scenario, Collectors.counting()));
  }

  static long requests(List<LogRecord> records) {
    return records.stream().filter(RequestRecord.class::isInstance).count();
  }

  private static Path reportPath(Output output) {
    String line =
        output.text.lines().filter(l -> l.startsWith("Merged report: ")).findFirst().orElseThrow();
    return Path.of(line.substring("Merged report: ".length()));
  }

  private record Output(int code, String text) {}

  private static Output merge(Path out, Path... inputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    List<String> args = new ArrayList<>(List.of(out.toString()));
    for (Path input : inputs) {
      args.add(input.toString());
    }
    // Gatling prints the assertion results on Scala's Console.out
    int code = scala.Console$.MODULE$.withOut(stream, () -> Merge.run(args, stream, stream));
    String text = bytes.toString(StandardCharsets.UTF_8);
    stdout.print(text);
    return new Output(code, text);
  }
}
