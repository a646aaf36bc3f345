package io.github.gatlingssh.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.simulationlog.LogFormatException;
import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogMergerTest {
  private static final long T0 = 1_764_590_000_000L;

  @TempDir Path dir;

  /** Injector i starts at T0 + offset, with its scenarios in its own order. */
  private Path injector(int i, long offset, List<String> scenarios, int users) throws IOException {
    long start = T0 + offset;
    List<LogRecord> records = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      String scenario = scenarios.get(u % scenarios.size());
      long t = start + 10 + u * 137L;
      records.add(new UserRecord(scenario, true, t));
      records.add(new RequestRecord(List.of(), "login", t, t + 20 + i, true, ""));
      boolean ok = u % 4 != 0;
      records.add(
          new RequestRecord(
              List.of("work"), "exec", t + 20, t + 90, ok, ok ? "" : "exit status " + i));
      records.add(new GroupRecord(List.of("work"), t + 20, t + 90, 70, ok));
      if (u % 5 == 0) {
        records.add(new ErrorRecord("disconnect: crashed ", t + 95));
      }
      records.add(new UserRecord(scenario, false, t + 1500));
    }
    records.sort(Comparator.comparingLong(LogRecord::time));
    Path file = dir.resolve("injector-" + i + ".log");
    return Logs.write(file, Logs.header(start, scenarios), records);
  }

  private List<Path> threeInjectors() throws IOException {
    return List.of(
        injector(0, 0, List.of("a", "b"), 40),
        injector(1, 1000, List.of("b", "a"), 30),
        injector(2, 2500, List.of("c", "a"), 20));
  }

  @Test
  void theMergedLogHoldsEveryRecordOfEveryInjectorOnce() throws IOException {
    List<Path> inputs = threeInjectors();
    Path merged = dir.resolve("simulation.log");

    LogMerger.Result result = LogMerger.merge(inputs, merged);

    List<LogRecord> expected = new ArrayList<>();
    for (Path input : inputs) {
      expected.addAll(Logs.records(input));
    }
    List<LogRecord> actual = Logs.records(merged);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.recordsPerInput())
        .containsExactly(
            (long) Logs.records(inputs.get(0)).size(),
            (long) Logs.records(inputs.get(1)).size(),
            (long) Logs.records(inputs.get(2)).size());
    assertThat(countsPerRequest(actual))
        .isEqualTo(Map.of("login OK", 90L, "exec OK", 67L, "exec KO", 23L));
  }

  @Test
  void oneHeaderWithTheEarliestStartAndTheScenariosUnitedByName() throws IOException {
    Path merged = dir.resolve("simulation.log");
    LogMerger.merge(threeInjectors(), merged);

    RunRecord header = Logs.header(merged);
    assertThat(header.start()).isEqualTo(T0);
    assertThat(header.scenarios()).containsExactly("a", "b", "c");
    assertThat(header.gatlingVersion()).isEqualTo(Logs.VERSION);
    assertThat(header.simulationClassName()).isEqualTo(Logs.SIMULATION);
    assertThat(header.assertions()).isEqualTo(Logs.ASSERTIONS);
  }

  @Test
  void recordsAreInGlobalTimeOrderSoUsersPerSecondAreTheSums() throws IOException {
    List<Path> inputs = threeInjectors();
    Path merged = dir.resolve("simulation.log");
    LogMerger.merge(inputs, merged);

    List<LogRecord> actual = Logs.records(merged);
    assertThat(actual).isSortedAccordingTo(Comparator.comparingLong(LogRecord::time));
    Map<Long, Long> startsSum = new TreeMap<>();
    Map<Long, Long> concurrentSum = new TreeMap<>();
    for (Path input : inputs) {
      List<LogRecord> records = Logs.records(input);
      startsPerSecond(records).forEach((s, n) -> startsSum.merge(s, n, Long::sum));
      concurrentUsers(records).forEach((s, n) -> concurrentSum.merge(s, n, Long::sum));
    }
    assertThat(startsPerSecond(actual)).isEqualTo(startsSum);
    assertThat(concurrentUsers(actual)).isEqualTo(concurrentSum).containsValue(33L);
  }

  @Test
  void theMergedFileHasOneStringCache() throws IOException {
    Path merged = dir.resolve("simulation.log");
    LogMerger.merge(threeInjectors(), merged);

    byte[] bytes = Files.readAllBytes(merged);
    for (String s : List.of("login", "exec", "work", "disconnect: crashed ")) {
      assertThat(occurrences(bytes, s)).as(s).isEqualTo(1);
    }
  }

  /** Runs that cannot merge with a run of {@link Logs#SIMULATION}, and the start of the reason. */
  static Stream<Arguments> otherRuns() {
    return Stream.of(
        Arguments.of(
            Named.of(
                "anotherSimulationClass",
                new RunRecord(
                    Logs.VERSION, "com.example.Other", T0, "", List.of("a"), Logs.ASSERTIONS)),
            (Reason)
                (other, good) ->
                    other + " is a run of com.example.Other, " + good + " of " + Logs.SIMULATION),
        Arguments.of(
            Named.of(
                "anotherGatlingVersion",
                new RunRecord("3.14.9", Logs.SIMULATION, T0, "", List.of("a"), Logs.ASSERTIONS)),
            (Reason)
                (other, good) ->
                    other + " was written by Gatling 3.14.9, " + good + " by Gatling 3.15.1"),
        Arguments.of(
            Named.of(
                "otherAssertions",
                new RunRecord(
                    Logs.VERSION,
                    Logs.SIMULATION,
                    T0,
                    "",
                    List.of("a"),
                    List.of(new PickledAssertion(new byte[] {1, 2, 3, 5})))),
            (Reason) (other, good) -> other + " has other assertions than " + good));
  }

  /** Why {@code other} cannot merge with {@code good}, as the message starts. */
  interface Reason {
    String of(Path other, Path good);
  }

  @ParameterizedTest(name = "{0} is rejected naming the file")
  @MethodSource("otherRuns")
  void anotherRunIsRejectedNamingTheFile(RunRecord otherRun, Reason reason) throws IOException {
    Path good = injector(0, 0, List.of("a"), 3);
    Path other = Logs.write(dir.resolve("other.log"), otherRun, List.of());

    assertThatThrownBy(() -> LogMerger.merge(List.of(good, other), dir.resolve("simulation.log")))
        .isInstanceOf(MergeException.class)
        .hasMessageStartingWith(reason.of(other, good));
    assertThat(dir.resolve("simulation.log")).doesNotExist();
  }

  @Test
  void aTruncatedInputIsRejectedNamingTheFileAndNothingIsWritten() throws IOException {
    List<Path> inputs = threeInjectors();
    byte[] bytes = Files.readAllBytes(inputs.get(1));
    Files.write(inputs.get(1), Arrays.copyOf(bytes, bytes.length - 2));
    Path merged = dir.resolve("simulation.log");

    assertThatThrownBy(() -> LogMerger.merge(inputs, merged))
        .isInstanceOf(LogFormatException.class)
        .hasMessageStartingWith(inputs.get(1) + " is truncated in record #");
    assertThat(merged).doesNotExist();
    assertThat(dir.resolve("simulation.log.partial")).doesNotExist();
  }

  @Test
  void timesBeyondTheMergedFilesIntOffsetsAreRejectedNamingTheFile() throws IOException {
    Path early = injector(0, 0, List.of("a"), 3);
    Path late = injector(1, 30L * 24 * 3600 * 1000, List.of("a"), 3);

    assertThatThrownBy(() -> LogMerger.merge(List.of(early, late), dir.resolve("simulation.log")))
        .isInstanceOf(MergeException.class)
        .hasMessageStartingWith(late + ": time ")
        .hasMessageContaining("about 24.8 days");
  }

  private static Map<String, Long> countsPerRequest(List<LogRecord> records) {
    return records.stream()
        .filter(RequestRecord.class::isInstance)
        .map(RequestRecord.class::cast)
        .collect(
            Collectors.groupingBy(r -> r.name() + (r.ok() ? " OK" : " KO"), Collectors.counting()));
  }

  private static Map<Long, Long> startsPerSecond(List<LogRecord> records) {
    return Logs.users(records).stream()
        .filter(UserRecord::start)
        .collect(
            Collectors.groupingBy(u -> u.timestamp() / 1000, TreeMap::new, Collectors.counting()));
  }

  /** Users active at the end of each second, computed in file order as Gatling does. */
  private static Map<Long, Long> concurrentUsers(List<LogRecord> records) {
    Map<Long, Long> atSecond = new TreeMap<>();
    long active = 0;
    for (UserRecord u : Logs.users(records)) {
      active += u.start() ? 1 : -1;
      atSecond.put(u.timestamp() / 1000, active);
    }
    return atSecond;
  }

  private static int occurrences(byte[] haystack, String s) {
    byte[] needle = s.getBytes(StandardCharsets.ISO_8859_1);
    int count = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        count++;
      }
    }
    return count;
  }
}
