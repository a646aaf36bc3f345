package io.github.gatlingssh.scaleout.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.scaleout.Logs;
import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.SimulationLogReader;
import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.junit.OpenSshRequirement;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scale-out/run-local end to end: 3 injector JVMs, started a second apart, run {@link
 * InjectorSimulation} against one private OpenSSH sshd, then scale-out/merge makes one report of
 * their logs.
 */
class RunLocalTest {
  @TempDir Path dir;

  @Test
  void threeInjectorsAgainstOneServerMakeOneReport() throws Exception {
    Path run = dir.resolve("run");
    String output;
    int code;
    OpenSshRequirement.assumeAvailable();
    try (PrivateSshd server = PrivateSshd.start()) {
      Process process = runLocal(server, run);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("run-local finished").isTrue();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      code = process.exitValue();
    }

    System.out.println(output);
    assertThat(code).as(output).isZero();
    // each injector's share alone fails the request-count assertion; the merged data passes it
    assertThat(output)
        .contains("count of all events is " + InjectorSimulation.REQUESTS + ".0 : true");
    List<Path> injectorLogs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      injectorLogs.add(onlyLog(run.resolve("injector-" + i)));
    }
    Path merged = onlyLog(run.resolve("merged"));
    assertThat(merged.resolveSibling("index.html")).exists();

    List<LogRecord> sum = new ArrayList<>();
    int inputDescents = 0;
    for (Path log : injectorLogs) {
      List<LogRecord> records = records(log);
      sum.addAll(records);
      inputDescents += descents(records);
    }
    List<LogRecord> all = records(merged);
    assertThat(requestCounts(all))
        .isEqualTo(requestCounts(sum))
        .containsEntry("connect", 9L)
        .containsEntry("echo", 9L)
        .containsEntry("disconnect", 9L);
    // global time order: a k-way merge adds no step back in time to those already in an input
    // (Gatling's threads may log a record a millisecond out of order)
    assertThat(descents(all)).isLessThanOrEqualTo(inputDescents);
    assertThat(startsPerSecond(Logs.users(all))).isEqualTo(startsPerSecond(Logs.users(sum)));
    try (SimulationLogReader reader = SimulationLogReader.open(merged)) {
      assertThat(reader.header().scenarios()).containsExactlyInAnyOrder("ramp", "burst");
    }
    try (SimulationLogReader reader = SimulationLogReader.open(injectorLogs.get(1))) {
      assertThat(reader.header().scenarios()).containsExactly("burst", "ramp");
    }
  }

  private Process runLocal(TestServer server, Path run) throws IOException {
    // the test classpath holds the simulation, gatling-ssh, Gatling and the merger: no Maven build
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "run-local",
                "3",
                "-Dgatling.simulationClass=" + InjectorSimulation.class.getName(),
                "-Dgatling.data.enableAnalytics=false",
                "-Dssh.port=" + server.port(),
                "-Dssh.username=" + server.username(),
                "-Dssh.privateKey=" + server.userKey(),
                "-Dssh.hostKeyFingerprint=" + server.hostKeyFingerprint())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("INJECTOR_CLASSPATH", classpath);
    env.put("SCALE_OUT_CLASSPATH", classpath);
    env.put("INJECTOR_STAGGER", "1");
    env.put("INJECTOR_HEAP", "256m");
    // C1 only: a short run on a shared machine, where JIT compilation would dominate the CPU
    env.put("INJECTOR_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    env.put("MERGE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    env.put("MERGE_HEAP", "256m");
    env.put("RUN_DIR", run.toString());
    return builder.start();
  }

  private static Path onlyLog(Path resultsDir) throws IOException {
    try (Stream<Path> runs = Files.list(resultsDir)) {
      List<Path> logs =
          runs.map(r -> r.resolve("simulation.log")).filter(Files::isRegularFile).toList();
      assertThat(logs).as("runs in " + resultsDir).hasSize(1);
      return logs.get(0);
    }
  }

  private static List<LogRecord> records(Path log) throws IOException {
    List<LogRecord> records = new ArrayList<>();
    try (SimulationLogReader reader = SimulationLogReader.open(log)) {
      for (LogRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  private static Map<String, Long> requestCounts(List<LogRecord> records) {
    return records.stream()
        .filter(RequestRecord.class::isInstance)
        .map(RequestRecord.class::cast)
        .collect(Collectors.groupingBy(RequestRecord::name, TreeMap::new, Collectors.counting()));
  }

  /** Records followed by an earlier one. */
  private static int descents(List<LogRecord> records) {
    int descents = 0;
    for (int i = 1; i < records.size(); i++) {
      descents += records.get(i).time() < records.get(i - 1).time() ? 1 : 0;
    }
    return descents;
  }

  private static Map<String, Long> startsPerSecond(List<UserRecord> users) {
    return users.stream()
        .filter(UserRecord::start)
        .collect(
            Collectors.groupingBy(
                u -> u.scenario() + "@" + u.timestamp() / 1000,
                TreeMap::new,
                Collectors.counting()));
  }
}
