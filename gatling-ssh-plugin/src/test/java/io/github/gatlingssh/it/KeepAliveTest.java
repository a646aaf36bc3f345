package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import java.time.Duration;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.junit.jupiter.api.Test;

/** keepAlive(..): a server gone silent after authentication is detected, and the user goes on. */
class KeepAliveTest {

  /**
   * Stops reading each connection once it is authenticated: keepalives go unanswered, as behind a
   * dead link.
   */
  private static EmbeddedSshServer silentAfterAuth() throws Exception {
    return EmbeddedSshServer.builder()
        .customize(
            server ->
                server.addSessionListener(
                    new SessionListener() {
                      @Override
                      public void sessionEvent(Session session, Event event) {
                        if (event == Event.Authenticated) {
                          session.getIoSession().suspendRead();
                        }
                      }
                    }))
        .build()
        .start();
  }

  @Test
  void unansweredKeepalivesLoseTheConnectionOfTheRequestInFlight() throws Exception {
    try (EmbeddedSshServer server = silentAfterAuth()) {
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("silent")
                      .exec(ssh("in flight").exec("sleep 30").timeout(Duration.ofSeconds(30)))
                      .exec(ssh("later").exec("echo hi")),
              3,
              TestProtocols.forServer(server).keepAlive(Duration.ofMillis(200), 2));

      assertThat(r.ok("connect")).as(r.summary()).isEqualTo(3);
      Runs.assertAllKo(
          r,
          3,
          "in flight",
          m ->
              assertThat(m)
                  .startsWith(
                      "connection lost: no keepalive answer from "
                          + server.host()
                          + ":"
                          + server.port())
                  .contains("2 unanswered, one every 200 ms"));
      Runs.assertAllKoStartingWith(r, 3, "later", "not connected:");
    }
  }

  @Test
  void aLiveServerAnswersKeepalivesAndTheConnectionStays() throws Exception {
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start()) {
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("alive")
                      .pause(Duration.ofSeconds(1))
                      .exec(ssh("after keepalives").exec("echo hi").check(stdout().is("hi\n")))
                      .exec(ssh("disconnect").disconnect()),
              2,
              TestProtocols.forServer(server).keepAlive(Duration.ofMillis(100), 1));

      assertThat(r.ok("after keepalives")).as(r.summary()).isEqualTo(2);
      assertThat(r.ok("disconnect")).as(r.summary()).isEqualTo(2);
    }
  }

  @Test
  void aBadKeepAliveFailsWhenTheSimulationIsBuilt() {
    assertThatThrownBy(() -> ssh.keepAlive(Duration.ZERO))
        .hasMessageContaining("keepAlive: the interval");
    assertThatThrownBy(() -> ssh.keepAlive(Duration.ofSeconds(1), 0))
        .hasMessageContaining("at least 1");
  }
}
