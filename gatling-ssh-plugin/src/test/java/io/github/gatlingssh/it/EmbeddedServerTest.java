package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.GatlingRunner;
import io.github.gatlingssh.testkit.junit.ClassServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DSL's promises, as real Gatling runs against the embedded server. */
class EmbeddedServerTest {
  private static final String PASSWORD = "s3cr3t-embedded";

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> SERVER =
      ClassServer.embedded(EmbeddedSshServer.builder().password(PASSWORD));

  private static SshProtocolBuilder protocol() {
    return TestProtocols.forServer(SERVER.get());
  }

  @Test
  void requestsWithoutAConnectionSayToAddConnect() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("no connect")
                    .exec(ssh("exec").exec("echo hi"))
                    .exec(ssh("start").start("echo hi"))
                    .exec(ssh("disconnect").disconnect()),
            2,
            protocol());

    for (String name : List.of("exec", "start", "disconnect")) {
      Runs.assertAllKoStartingWith(
          r,
          2,
          name,
          "not connected: no SSH connection for this virtual user: add ssh(..).connect()");
    }
  }

  @Test
  void savedOutputFeedsLaterCommandsAndGatlingChecksReadStdout() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("checks")
                    .exec(
                        ssh("json")
                            .exec("echo '{\"name\":\"gatling\",\"n\":3}'")
                            .check(
                                jsonPath("$.name").saveAs("name"),
                                jmesPath("n").ofInt().is(3),
                                substring("gatling").count().is(1),
                                bodyString().is("{\"name\":\"gatling\",\"n\":3}\n"),
                                responseTimeInMillis().lt(30_000)))
                    .exec(
                        ssh("reuse")
                            .exec("echo hello #{name}")
                            .check(stdout().is("hello gatling\n")))
                    .exec(
                        ssh("lines")
                            .exec("lines 5")
                            .check(stdoutLineCount().is(5), regex("(?m)^L").count().is(5)))
                    .exec(
                        ssh("stderr")
                            .exec("err oops")
                            .check(stderr().is("oops\n"), stdout().is("")))
                    .exec(ssh("failing check").exec("echo 1").check(stdout().is("2\n")))
                    .exec(ssh("disconnect").disconnect()),
            2,
            protocol());

    for (String name : List.of("json", "reuse", "lines", "stderr", "disconnect")) {
      assertThat(r.ok(name)).as(name + "\n" + r.summary()).isEqualTo(2);
    }
    Runs.assertAllKoStartingWith(r, 2, "failing check", "stdout.find.is(2\n)");
  }

  @Test
  void passwordsAndUsernamesCanComeFromFeeders() {
    List<Map<String, Object>> users =
        List.of(
            Map.of("user", SERVER.get().username(), "pwd", PASSWORD, "expected", "ok"),
            Map.of("user", SERVER.get().username(), "pwd", "wrong-" + PASSWORD, "expected", "ko"));
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("feeder")
                    .feed(listFeeder(users).circular())
                    .exec(ssh("connect #{expected}").connect()),
            4,
            ssh.host(SERVER.get().host())
                .port(SERVER.get().port())
                .username("#{user}")
                .password("#{pwd}")
                .hostKeyFingerprint(SERVER.get().hostKeyFingerprint()));

    assertThat(r.ok("connect ok")).as(r.summary()).isEqualTo(2);
    assertThat(r.koMessages("connect ko"))
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .isEqualTo(
                        "auth: server accepted none of [password, keyboard-interactive] for user '"
                            + SERVER.get().username()
                            + "'"));
  }

  @Test
  void disconnectClosesARunningCommand() throws Exception {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("disconnect")
                    .exec(ssh("start hang").start("hang"))
                    .exec(ssh("disconnect").disconnect())
                    .exec(ssh("await").awaitExit()),
            5,
            protocol());

    Runs.assertAllOk(r, 5, "start hang", "disconnect");
    assertThat(r.koMessages("await"))
        .hasSize(5)
        .allSatisfy(m -> assertThat(m).contains("no command started"));
    awaitNoSessions();
  }

  @Test
  void usersThatEndWithoutDisconnectingHaveTheirConnectionsClosed() throws Exception {
    GatlingResult r =
        Runs.atOnce(
            () -> Scenarios.connected("forgetful").exec(ssh("start").start("hang")), 5, protocol());

    assertThat(r.ok("start")).as(r.summary()).isEqualTo(5);
    awaitNoSessions();
  }

  @Test
  void theHtmlReportShowsEachRequest() throws Exception {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("report")
                    .exec(ssh("cat").exec("cat " + SERVER.get().seedFile()))
                    .exec(ssh("disconnect").disconnect()),
            3,
            protocol(),
            GatlingRunner.Options.defaults().withReports(true));

    Path index = r.reportIndex().orElseThrow();
    String html = Files.readString(index);
    for (String request : List.of("connect", "cat", "disconnect")) {
      try (var pages = Files.list(index.getParent())) {
        String page =
            pages
                .map(p -> p.getFileName().toString())
                .filter(f -> f.startsWith("req_" + request + "-") && f.endsWith(".html"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report page for " + request));
        assertThat(html).contains(page);
      }
    }
  }

  @Test
  void aTimedOutAwaitClosesTheChannelAndTheUserGoesOn() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("timeout")
                    .exec(ssh("start").start("hang"))
                    .exec(ssh("await").awaitExit().timeout(Duration.ofMillis(300)))
                    .exec(ssh("next").exec("echo next"))
                    .exec(ssh("disconnect").disconnect()),
            2,
            protocol());

    assertThat(r.koMessages("await"))
        .as(r.summary())
        .containsOnly("timeout: command still running after 300 ms; channel closed");
    assertThat(r.ok("next")).isEqualTo(2);
  }

  @Test
  void anInvalidProtocolFailsTheRunWhenTheSimulationIsBuilt() {
    assertThatThrownBy(
            () ->
                Runs.atOnce(
                    () -> scenario("invalid").exec(ssh("connect").connect()),
                    1,
                    ssh.host(SERVER.get().host()).password("p")))
        .hasStackTraceContaining("SSH protocol: no username: set .username(\"...\")");
  }

  private static void awaitNoSessions() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (SERVER.get().activeSessionCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(SERVER.get().activeSessionCount()).as("sessions still open on the server").isZero();
  }
}
