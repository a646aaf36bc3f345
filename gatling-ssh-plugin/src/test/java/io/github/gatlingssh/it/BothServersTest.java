package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import java.time.Duration;

/**
 * The DSL's promises that hold for any server, as real Gatling runs against the embedded server and
 * against a private OpenSSH sshd (skipped without OpenSSH, failing when CI=true).
 */
class BothServersTest {

  @ForEachServer
  void awaitExitNeedsAStartedCommandAndAChannelHoldsOneCommandAtATime(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("pairing")
                    .exec(ssh("lonely await").awaitExit())
                    .exec(ssh("first start").start("sleep 0.2"))
                    .exec(ssh("second start").start("echo too soon"))
                    .exec(ssh("await first").awaitExit().check(stdout().is("")))
                    .exec(ssh("disconnect").disconnect()),
            1,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("lonely await"))
        .as(r.summary())
        .containsExactly(
            "exec: no command started on channel 'default': add ssh(..).start(command) before awaitExit()");
    assertThat(r.ok("first start")).isEqualTo(1);
    assertThat(r.koMessages("second start"))
        .singleElement()
        .asString()
        .contains("was not awaited: add awaitExit() before starting another");
    assertThat(r.ok("await first")).as(r.summary()).isEqualTo(1);
  }

  @ForEachServer
  void namedChannelsRunCommandsConcurrentlyOnOneConnection(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("channels")
                    .exec(ssh("start a").start("sleep 0.5").channelName("a"))
                    .exec(ssh("start b").start("echo b").channelName("b"))
                    .exec(ssh("await b").awaitExit().channelName("b").check(stdout().is("b\n")))
                    .exec(ssh("await a").awaitExit().channelName("a").check(exitStatus().is(0)))
                    .exec(ssh("disconnect").disconnect()),
            3,
            TestProtocols.forServer(server));

    assertThat(r.koCount()).as(r.summary()).isZero();
    assertThat(r.ok("await a")).isEqualTo(3);
    // b completed while a was still running: the two channels were open together
    assertThat(r.requests("await b")).allSatisfy(b -> assertThat(b.responseTime()).isLessThan(500));
  }

  @ForEachServer
  void namedConnectionsAreIndependent(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("two connections")
                    .exec(ssh("connect 1").connectionName("one").connect())
                    .exec(ssh("connect 2").connectionName("two").connect())
                    .exec(ssh("disconnect 1").connectionName("one").disconnect())
                    .exec(
                        ssh("exec on 2")
                            .connectionName("two")
                            .exec("echo alive")
                            .check(stdout().is("alive\n")))
                    .exec(ssh("exec on 1").connectionName("one").exec("echo gone"))
                    .exec(ssh("connect 2 again").connectionName("two").connect()),
            2,
            TestProtocols.forServer(server));

    assertThat(r.ok("exec on 2")).as(r.summary()).isEqualTo(2);
    assertThat(r.koMessages("exec on 1"))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("named 'one'"));
    Runs.assertAllKoStartingWith(r, 2, "connect 2 again", "connect: already connected");
  }

  @ForEachServer
  void theSeedSequenceRunsOnOneSessionPerUser(TestServer server) {
    String cat = "cat " + server.seedFile();
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("seed")
                    .group("auth and execute")
                    .on(exec(ssh("connect").connect()).exec(ssh("start").start(cat)))
                    .exec(
                        ssh("close and exit status")
                            .awaitExit()
                            .check(exitStatus().is(0), stdoutLineCount().is(333)))
                    .exec(ssh("execute").start(cat))
                    .exec(
                        ssh("channel read")
                            .awaitExit()
                            .check(
                                bodyLength().is(26_640),
                                regex("(?m)^L").count().is(333),
                                stdout().saveAs("out")))
                    .exec(ssh("disconnect").disconnect()),
            20,
            TestProtocols.forServer(server));

    assertThat(r.exitCode()).as(r.summary()).isZero();
    for (String name :
        new String[] {
          "connect", "start", "close and exit status", "execute", "channel read", "disconnect"
        }) {
      assertThat(r.ok(name)).as(name + "\n" + r.summary()).isEqualTo(20);
      assertThat(r.ko(name)).as(name).isZero();
    }
    assertThat(r.groups("auth and execute")).hasSize(20);
    assertThat(r.requests("connect"))
        .allSatisfy(q -> assertThat(q.groups()).containsExactly("auth and execute"));
  }

  @ForEachServer
  void aHungCommandTimesOutAndTheSessionStaysUsable(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("hang")
                    .exec(ssh("hang").exec("sleep 60").timeout(Duration.ofSeconds(1)))
                    .exec(ssh("after").exec("echo still here").check(stdout().is("still here\n")))
                    .exec(ssh("disconnect").disconnect()),
            3,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("hang"))
        .as(r.summary())
        .containsOnly("timeout: command did not finish within 1 s; channel closed");
    Runs.assertAllOk(r, 3, "after", "disconnect");
  }
}
