package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Clients misbehaving the way load tests make them (dropping connections mid-output, cancelling
 * commands, failing to log in) must not make the server log per session at WARN, nor at INFO in
 * this plugin's loggers.
 */
class QuietLoggingTest {

  /**
   * Unlike {@link OutputStream#nullOutputStream()}, accepts writes after close: MINA's client
   * closes a channel's stdout stream when closing the channel, yet may still deliver data that was
   * in flight, and an IOException from the stream then kills the whole client session ("Stream
   * closed").
   */
  private static final OutputStream DISCARD =
      new OutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
      };

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Logger root;
  private Level rootLevel;
  private Logger sshd;
  private Level sshdLevel;

  @BeforeEach
  void capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    sshd = context.getLogger("org.apache.sshd");
    rootLevel = root.getLevel();
    sshdLevel = sshd.getLevel();
    root.setLevel(Level.INFO);
    sshd.setLevel(Level.WARN);
    events.setContext(context);
    events.start();
    root.addAppender(events);
  }

  @AfterEach
  void release() {
    root.detachAppender(events);
    root.setLevel(rootLevel);
    sshd.setLevel(sshdLevel);
  }

  private List<String> serverNoise() {
    return events.list.stream()
        .filter(
            e ->
                ServerThreads.isServerThread(e.getThreadName())
                    || e.getLoggerName()
                        .startsWith("io.github.gatlingssh.testkit.embedded.Embedded")
                    || e.getLoggerName().startsWith("io.github.gatlingssh.testkit.embedded.InJvm"))
        .filter(
            e ->
                e.getLevel().isGreaterOrEqual(Level.WARN)
                    || e.getLoggerName().startsWith("io.github.gatlingssh.testkit.embedded"))
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
        .collect(Collectors.toList());
  }

  @Test
  void misbehavingClientsDoNotMakeTheServerLog() throws Exception {
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().password("pw").build().start();
        TestClient client = new TestClient(server)) {
      for (int i = 0; i < 3; i++) {
        // connection dropped while the server floods
        ClientSession dropped = client.login();
        ChannelExec flood = dropped.createExecChannel("bytes 1000000000");
        flood.open().verify(TestClient.TIMEOUT);
        Thread.sleep(100);
        dropped.close(true);

        // command cancelled mid-output, and a hanging one, on a connection that stays
        try (ClientSession session = client.login()) {
          ChannelExec cancelled = session.createExecChannel("lines 100000000");
          cancelled.setOut(DISCARD);
          cancelled.open().verify(TestClient.TIMEOUT);
          Thread.sleep(50);
          cancelled.close(false).await(TestClient.TIMEOUT);
          ChannelExec hang = session.createExecChannel("hang");
          hang.open().verify(TestClient.TIMEOUT);
          hang.close(false).await(TestClient.TIMEOUT);
          ChannelExec sleeping = session.createExecChannel("sleep 100");
          sleeping.open().verify(TestClient.TIMEOUT);
        }

        // stdin sent to a command that does not read it
        try (ClientSession session = client.login();
            ChannelExec ignoring = session.createExecChannel("true")) {
          ignoring.setOut(DISCARD);
          ignoring.open().verify(TestClient.TIMEOUT);
          try {
            ignoring.getInvertedIn().write(new byte[100_000]);
          } catch (IOException e) {
            // the command may have finished already
          }
          ignoring.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.TIMEOUT);
        }

        // failed logins
        try (ClientSession session = client.connect()) {
          session.addPasswordIdentity("wrong");
          try {
            session.auth().verify(TestClient.TIMEOUT);
          } catch (SshException e) {
            // expected
          }
        }
      }
      Thread.sleep(
          Duration.ofMillis(300).toMillis()); // let the server notice the dropped connections
    }
    assertThat(serverNoise()).isEmpty();
  }
}
