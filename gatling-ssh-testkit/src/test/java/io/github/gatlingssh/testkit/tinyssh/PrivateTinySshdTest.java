package io.github.gatlingssh.testkit.tinyssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.gatlingssh.testkit.KeyLoginClient;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.junit.ServerKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What tinysshd does differently, as observed with tinysshd 20230101 (Debian 12): one session
 * channel per connection, and the connection closed by the server when that channel ends.
 */
class PrivateTinySshdTest {

  private static final String ONE_CHANNEL = "only one 'session' channel allowed";

  @RegisterExtension
  static final ClassServer<PrivateTinySshd> SERVER =
      ClassServer.of(ServerKind.TINYSSH, PrivateTinySshd::start);

  /**
   * While the first channel runs, a second one is refused with SSH_MSG_CHANNEL_OPEN_FAILURE "only
   * one 'session' channel allowed"; the connection and the first channel go on.
   */
  @Test
  void secondChannelWhileTheFirstRunsIsRefused() throws Exception {
    try (KeyLoginClient client = new KeyLoginClient(SERVER.get());
        ClientSession session = client.login();
        ChannelExec first = session.createExecChannel("read line; echo got $line")) {
      first.setOut(new ByteArrayOutputStream());
      first.open().verify(KeyLoginClient.TIMEOUT);

      Throwable refused =
          catchThrowable(
              () -> session.createExecChannel("echo two").open().verify(KeyLoginClient.TIMEOUT));

      assertThat(refused)
          .as(SERVER.get().log())
          .hasRootCauseInstanceOf(SshChannelOpenException.class);
      assertThat(refused.getCause()).hasMessageContaining(ONE_CHANNEL);
      assertThat(session.isOpen()).isTrue();
      assertThat(first.isOpen()).isTrue();
    }
  }

  /**
   * After the first channel ended, the server closes the connection on its own. A second channel
   * opened meanwhile never opens; by a race, observed all three ways: refused with "only one
   * 'session' channel allowed" (the server had not closed yet), failed because the connection
   * closed while the open was pending, or not even sent because the client already saw the close.
   */
  @RepeatedTest(5)
  void afterTheFirstChannelEndedTheServerClosesTheConnection() throws Exception {
    try (KeyLoginClient client = new KeyLoginClient(SERVER.get());
        ClientSession session = client.login()) {
      KeyLoginClient.Result first = KeyLoginClient.exec(session, "echo one");
      assertThat(first.stdout()).isEqualTo("one\n".getBytes(StandardCharsets.UTF_8));
      assertThat(first.exitStatus()).isZero();

      Throwable second =
          catchThrowable(
              () -> session.createExecChannel("echo two").open().verify(KeyLoginClient.TIMEOUT));

      assertThat(second).as("second channel on %s", SERVER.get()).isNotNull();
      assertThat(second)
          .satisfiesAnyOf(
              t ->
                  assertThat(t.getCause())
                      .isInstanceOf(SshChannelOpenException.class)
                      .hasMessageContaining(ONE_CHANNEL),
              t -> assertThat(t).hasMessageContaining("Closed"),
              t -> assertThat(t).hasMessageContaining("session is being closed"));
      // the server closes the connection: the client does nothing more
      session.waitFor(Set.of(ClientSession.ClientSessionEvent.CLOSED), KeyLoginClient.TIMEOUT);
      assertThat(session.isOpen()).isFalse();
    }
  }
}
