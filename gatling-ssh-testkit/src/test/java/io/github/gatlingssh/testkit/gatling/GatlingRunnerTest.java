package io.github.gatlingssh.testkit.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.gatling.fake.FakeSimulations;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GatlingRunnerTest {

  @Test
  void okAndKoRequestsInsideAGroupAreReadBack() {
    String message = "échec 😀 ü";
    GatlingResult result =
        GatlingRunner.run(
            FakeSimulations.OkKo.class,
            Map.of(FakeSimulations.USERS, "4", FakeSimulations.MESSAGE, message));

    assertThat(result.exitCode()).as(result.summary()).isZero();
    assertThat(result.usersStarted()).isEqualTo(4);
    assertThat(result.usersEnded()).isEqualTo(4);
    assertThat(result.usersStarted("ok-ko")).isEqualTo(4);
    assertThat(result.requestNames()).containsExactly("open", "exec");
    assertThat(result.ok("open")).isEqualTo(4);
    assertThat(result.ko("open")).isZero();
    assertThat(result.ok("exec")).isZero();
    assertThat(result.ko("exec")).isEqualTo(4);
    assertThat(result.koMessages("exec")).hasSize(4).containsOnly(message);
    assertThat(result.requests())
        .allSatisfy(r -> assertThat(r.groups()).containsExactly("session"));
    assertThat(result.requests("open")).allSatisfy(r -> assertThat(r.responseTime()).isEqualTo(3));
    assertThat(result.groups("session")).hasSize(4).noneMatch(SimulationLog.Group::ok);
    assertThat(result.groups()).hasSize(4);
    assertThat(result.groups("session"))
        // Gatling counts each request as at least 1 ms in a group's cumulated time: 3 + 1
        .allSatisfy(g -> assertThat(g.cumulatedResponseTime()).isEqualTo(4));
    assertThat(result.errors()).isEmpty();
    assertThat(result.summary())
        .contains("session / open: 4 OK, 0 KO")
        .contains("session / exec: 0 OK, 4 KO [" + message + " x4]");
  }

  @Test
  void runInfoDescribesTheRun() {
    long before = System.currentTimeMillis();
    GatlingResult result =
        GatlingRunner.run(
            FakeSimulations.OkKo.class, GatlingRunner.Options.defaults().withDescription("abcd"));

    SimulationLog.RunInfo run = result.runInfo();
    assertThat(run.gatlingVersion()).isEqualTo("3.15.1");
    assertThat(run.simulationClassName()).isEqualTo(FakeSimulations.OkKo.class.getName());
    // "abcd" is valid base64, which Gatling would decode if the runner did not encode it
    assertThat(run.description()).isEqualTo("abcd");
    assertThat(run.scenarios()).containsExactly("ok-ko");
    assertThat(run.assertions()).isEmpty();
    assertThat(run.start()).isBetween(before, System.currentTimeMillis());
    assertThat(result.requests())
        .allSatisfy(r -> assertThat(r.start()).isGreaterThanOrEqualTo(run.start() - 3));
    assertThat(result.runDir().getFileName().toString()).startsWith("okko-");
    assertThat(result.runDir().getParent())
        .isEqualTo(GatlingRunner.DEFAULT_RESULTS_DIRECTORY.toAbsolutePath());
    assertThat(result.reportIndex()).isEmpty();
  }

  @Test
  void consecutiveRunsEachSeeTheirOwnSystemPropertiesAndKeepLogging() {
    String key = "gatling.core.shutdownTimeout";
    assertThat(System.getProperty(key)).isNull();

    GatlingResult first =
        GatlingRunner.run(
            FakeSimulations.OkKo.class, Map.of(FakeSimulations.USERS, "1", key, "1111"));
    long firstTimeout = FakeSimulations.OkKo.seenShutdownTimeout;
    GatlingResult second =
        GatlingRunner.run(
            FakeSimulations.OkKo.class, Map.of(FakeSimulations.USERS, "2", key, "2222"));
    long secondTimeout = FakeSimulations.OkKo.seenShutdownTimeout;

    assertThat(first.runDir()).isNotEqualTo(second.runDir());
    assertThat(first.usersStarted()).isEqualTo(1);
    assertThat(first.ok("open")).isEqualTo(1);
    assertThat(second.usersStarted()).isEqualTo(2);
    assertThat(second.ok("open")).isEqualTo(2);
    // Typesafe Config caches system properties unless the runner invalidates its caches
    assertThat(firstTimeout).isEqualTo(1111);
    assertThat(secondTimeout).isEqualTo(2222);
    assertThat(System.getProperty(key)).isNull();
    assertThat(System.getProperty(FakeSimulations.USERS)).isNull();
    assertThat(System.getProperty("gatling.data.enableAnalytics")).isNull();
    // Gatling stops the Logback context after each run; the runner must restart it
    var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.isStarted()).isTrue();
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
        .as("root appenders after re-initialization")
        .hasNext();
  }

  @Test
  void failedAssertionGivesExitCode2AndIsRecordedInTheRunRecord() {
    GatlingResult failing =
        GatlingRunner.run(
            FakeSimulations.WithAssertion.class, Map.of(FakeSimulations.FAIL, "true"));
    GatlingResult passing =
        GatlingRunner.run(
            FakeSimulations.WithAssertion.class, Map.of(FakeSimulations.FAIL, "false"));

    assertThat(failing.exitCode()).as(failing.summary()).isEqualTo(2);
    assertThat(failing.runInfo().assertions())
        .containsExactly("Global: count of failed events is 0.0");
    assertThat(failing.ko("second")).isEqualTo(1);
    assertThat(failing.koMessages("second")).containsExactly("nope");
    assertThat(passing.exitCode()).as(passing.summary()).isZero();
    assertThat(passing.ok("second")).isEqualTo(1);
  }

  @Test
  void dummyActionCrashesNestedGroupsAndNonAsciiNames() {
    GatlingResult result = GatlingRunner.run(FakeSimulations.Mixed.class);

    assertThat(result.exitCode()).as(result.summary()).isZero();
    assertThat(result.runInfo().scenarios()).containsExactly("mixed é");
    assertThat(result.usersStarted("mixed é")).isEqualTo(2);
    assertThat(result.ok("dummy-ok")).isEqualTo(2);
    assertThat(result.requests("dummy-ok"))
        .allSatisfy(r -> assertThat(r.responseTime()).isEqualTo(5));
    assertThat(result.koMessages("dummy-ko")).containsExactly("Dummy error", "Dummy error");
    assertThat(result.requests("dummy-ko"))
        .allSatisfy(r -> assertThat(r.responseTime()).isEqualTo(7));
    assertThat(result.requests("inner ü"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.groups()).containsExactly("outer", "grüße 😀"));
    // a crash is an Error record, not a request
    assertThat(result.requests("crashing")).isEmpty();
    assertThat(result.errors())
        .extracting(SimulationLog.Error::message)
        .containsExactly("crashing: kaput ", "crashing: kaput ");
    assertThat(result.groups("outer", "grüße 😀")).hasSize(2).noneMatch(SimulationLog.Group::ok);
    assertThat(result.groups("outer")).hasSize(2).noneMatch(SimulationLog.Group::ok);
    assertThat(result.groups()).hasSize(4);
    assertThat(result.summary())
        .contains("outer / grüße 😀 / inner ü: 2 OK, 0 KO", "errors: [crashing: kaput  x2]");
  }

  @Test
  void longKoMessagesAreCutTo200CharactersByGatling() {
    String longMessage = "x".repeat(150) + "é".repeat(100);
    GatlingResult result =
        GatlingRunner.run(
            FakeSimulations.OkKo.class,
            Map.of(FakeSimulations.USERS, "1", FakeSimulations.MESSAGE, longMessage));

    assertThat(result.koMessages("exec")).containsExactly(longMessage.substring(0, 200));
  }

  @Test
  void reportsCanBeEnabled() {
    GatlingResult result =
        GatlingRunner.run(
            FakeSimulations.OkKo.class, GatlingRunner.Options.defaults().withReports(true));

    assertThat(result.reportIndex())
        .hasValueSatisfying(index -> assertThat(Files.exists(index)).isTrue());
    assertThat(result.reportIndex().orElseThrow().getParent()).isEqualTo(result.runDir());
  }

  @Test
  void crashingSimulationThrowsAndRestoresState() {
    assertThatThrownBy(
            () -> GatlingRunner.run(FakeSimulations.Broken.class, Map.of("some.prop", "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("crashed")
        .hasRootCauseMessage("broken on purpose");
    assertThat(System.getProperty("some.prop")).isNull();

    // a normal run still works afterwards
    GatlingResult after =
        GatlingRunner.run(FakeSimulations.OkKo.class, Map.of(FakeSimulations.USERS, "1"));
    assertThat(after.exitCode()).isZero();
    assertThat(after.requests()).hasSize(2);
  }

  @Test
  void runsGatlingCannotEvaluateGetAHint() {
    assertThatThrownBy(() -> GatlingRunner.run(FakeSimulations.Empty.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Undefined run start")
        .hasMessageContaining("lasts under 1 ms or records nothing");
  }

  @Test
  void simulationIdFollowsGatlingRules() {
    assertThat(ResultsFolder.simulationId(FakeSimulations.OkKo.class)).isEqualTo("okko");
    assertThat(ResultsFolder.simulationId(FakeSimulations.WithAssertion.class))
        .isEqualTo("withassertion");
  }

  @Test
  void optionsAreImmutable() {
    GatlingRunner.Options base = GatlingRunner.Options.defaults();
    GatlingRunner.Options changed =
        base.withSystemProperty("a", "1").withSystemProperties(Map.of("b", "2")).withReports(true);

    assertThat(base.systemProperties()).isEmpty();
    assertThat(base.reports()).isFalse();
    assertThat(changed.systemProperties()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(changed.reports()).isTrue();
    assertThat(List.of(changed.resultsDirectory()))
        .containsExactly(GatlingRunner.DEFAULT_RESULTS_DIRECTORY);
  }
}
