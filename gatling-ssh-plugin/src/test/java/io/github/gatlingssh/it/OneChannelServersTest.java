package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import io.github.gatlingssh.testkit.junit.ServerKind;

/**
 * Servers that do it differently, with the same outcome every time: tinysshd allows one session
 * channel per connection and closes the connection when it ends (as many appliances do); Dropbear
 * and OpenSSH keep it open.
 */
class OneChannelServersTest {
  private static final int USERS = 20;

  @ForEachServer({ServerKind.TINYSSH, ServerKind.DROPBEAR, ServerKind.OPENSSH})
  void execThenDisconnectIsOkWhetherOrNotTheServerClosedFirst(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("one exec")
                    .repeat(USERS / 4)
                    .on(
                        exec(ssh("connect").connect())
                            .exec(
                                ssh("cat")
                                    .exec("cat " + server.seedFile())
                                    .check(stdoutLineCount().is(333)))
                            .exec(ssh("disconnect").disconnect())),
            // 4 at a time: Dropbear closes unauthenticated connections past 5 per address
            4,
            TestProtocols.forServer(server));

    assertThat(r.koCount()).as(r.summary()).isZero();
    assertThat(r.ok("cat")).isEqualTo(USERS);
    assertThat(r.ok("disconnect")).isEqualTo(USERS);
  }

  @ForEachServer({ServerKind.TINYSSH})
  void aSecondExecAfterTheServerClosedSaysSoEveryTime(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("two execs")
                    .exec(ssh("first").exec("echo one").check(stdout().is("one\n")))
                    .exec(ssh("second").exec("echo two"))
                    .exec(ssh("disconnect").disconnect()),
            USERS,
            TestProtocols.forServer(server));

    assertThat(r.ok("first")).as(r.summary()).isEqualTo(USERS);
    assertThat(r.koMessages("second"))
        .as(r.summary())
        .hasSize(USERS)
        .containsOnly(
            "not connected: the server closed the connection after its channel ended (it allows one"
                + " channel per connection, as tinysshd does): connect() again");
    assertThat(r.ok("disconnect")).as(r.summary()).isEqualTo(USERS);
  }
}
