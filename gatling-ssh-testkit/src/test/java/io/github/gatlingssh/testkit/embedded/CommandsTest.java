package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private static EmbeddedSshServer server;
  private static TestClient client;

  @BeforeAll
  static void start() throws IOException {
    server = EmbeddedSshServer.builder().password("secret").build().start();
    client = new TestClient(server);
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
  }

  @Test
  void echoJoinsWordsAndHonoursQuotes() throws IOException {
    assertThat(client.run("echo hello   world").out()).isEqualTo("hello world\n");
    assertThat(client.run("echo 'a  b' \"c \\\"d\\\"\" e\\ f").out())
        .isEqualTo("a  b c \"d\" e f\n");
    assertThat(client.run("echo -n x").out()).isEqualTo("x");
    TestClient.Result r = client.run("echo");
    assertThat(r.out()).isEqualTo("\n");
    assertThat(r.exitStatus()).isZero();
  }

  @Test
  void trueFalseAndExit() throws IOException {
    assertThat(client.run("true").exitStatus()).isZero();
    assertThat(client.run("false").exitStatus()).isEqualTo(1);
    assertThat(client.run("exit 42").exitStatus()).isEqualTo(42);
    assertThat(client.run("exit 256").exitStatus()).isZero();
    assertThat(client.run("exit").exitStatus()).isZero();
    assertFails("exit abc", 2, "exit: abc: numeric argument required\n");
  }

  @Test
  void errWritesToStderr() throws IOException {
    TestClient.Result r = client.run("err something went wrong");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("something went wrong\n");
    assertThat(r.exitStatus()).isZero();
  }

  @Test
  void catServesTheSeedFile() throws IOException {
    TestClient.Result r = client.run("cat " + server.seedFile());
    assertThat(r.stdout()).hasSize(SeedFile.SIZE).isEqualTo(SeedFile.content());
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitStatus()).isZero();
    assertThat(r.exitSignal()).isNull();
    // relative names resolve in the data directory
    assertThat(client.run("cat " + SeedFile.FILE_NAME).stdout()).isEqualTo(SeedFile.content());
  }

  @Test
  void catConcatenatesDataFiles() throws IOException {
    server.createDataFile("a.txt", "alpha\n".getBytes(StandardCharsets.UTF_8));
    server.createDataFile("b.txt", "beta\n".getBytes(StandardCharsets.UTF_8));
    assertThat(client.run("cat a.txt b.txt a.txt").out()).isEqualTo("alpha\nbeta\nalpha\n");
  }

  @Test
  void catReportsMissingFiles() throws IOException {
    TestClient.Result r =
        assertFails("cat a-missing-file", 1, "cat: a-missing-file: No such file or directory\n");
    assertThat(r.out()).isEmpty();

    TestClient.Result partial =
        assertFails("cat nope " + server.seedFile(), 1, "cat: nope: No such file or directory\n");
    assertThat(partial.stdout()).isEqualTo(SeedFile.content());
  }

  @Test
  void catRefusesFilesOutsideTheDataDirectory() throws IOException {
    TestClient.Result r =
        assertFails("cat /etc/passwd", 1, "cat: /etc/passwd: Permission denied\n");
    assertThat(r.out()).isEmpty();
    assertThat(client.run("cat ../x").err()).contains("cat: ../x:");
  }

  @Test
  void catWithoutFilesCopiesStdin() throws IOException {
    byte[] input = SeedFile.lines(1, 5000, 100); // 500 KB: more than the server's window
    TestClient.Result r = client.run("cat", input);
    assertThat(r.stdout()).isEqualTo(input);
    assertThat(r.exitStatus()).isZero();
  }

  @Test
  void linesGeneratesTheSeedFormat() throws IOException {
    assertThat(client.run("lines 333").stdout()).isEqualTo(SeedFile.content());
    assertThat(client.run("lines 3 10").out()).isEqualTo("L00000000\nL00000001\nL00000002\n");
    assertThat(client.run("lines 12 4").out()).endsWith("\nL09\nL10\nL11\n"); // last digits kept
    assertThat(client.run("lines 0").stdout()).isEmpty();
    assertThat(client.run("lines 2 1").out()).isEqualTo("\n\n");
    TestClient.Result big = client.run("lines 100000");
    assertThat(big.stdout()).hasSize(8_000_000);
    assertThat(new String(big.stdout(), 7_999_920, 80, StandardCharsets.US_ASCII))
        .isEqualTo(String.format("L%078d\n", 99_999));
    assertFails("lines x", 1, "lines: invalid number 'x'\n");
  }

  @Test
  void bytesWritesExactlyNBytesOfLines() throws IOException {
    TestClient.Result r = client.run("bytes 100001");
    assertThat(r.stdout()).hasSize(100_001);
    assertThat(new String(r.stdout(), 0, 160, StandardCharsets.US_ASCII))
        .isEqualTo(String.format("L%078d\nL%078d\n", 0, 1));
    assertThat(new String(r.stdout(), 32_000, 80, StandardCharsets.US_ASCII))
        .isEqualTo(String.format("L%078d\n", 0)); // the 400-line block repeats
    assertThat(r.exitStatus()).isZero();
    assertThat(client.run("bytes 0").stdout()).isEmpty();
    assertThat(client.run("bytes").exitStatus()).isEqualTo(2);
  }

  @Test
  void binaryIsNotUtf8() throws IOException {
    TestClient.Result r = client.run("binary 1000");
    assertThat(r.stdout()).hasSize(1000);
    assertThat(r.stdout()[0]).isEqualTo((byte) 0xFF);
    assertThat(r.stdout()[1]).isEqualTo((byte) 0xFE);
    assertThatThrownBy(
            () ->
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(r.stdout(), 0, 2)))
        .isInstanceOf(CharacterCodingException.class);
    long valid = r.out().chars().filter(c -> c != '\uFFFD').count();
    assertThat(valid).isZero();
  }

  @Test
  void sleepUsesTheSchedulerAndAcceptsDecimals() throws IOException {
    long start = System.nanoTime();
    TestClient.Result r = client.run("sleep 0.3");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.exitStatus()).isZero();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(client.run("sleep -1").err()).isEqualTo("sleep: invalid time interval '-1'\n");
    assertThat(client.run("sleep").exitStatus()).isEqualTo(1);
  }

  @Test
  void signalEndsWithExitSignalAndNoStatus() throws IOException {
    TestClient.Result kill = client.run("signal KILL");
    assertThat(kill.exitSignal()).isEqualTo("KILL");
    assertThat(kill.exitStatus()).isNull();
    assertThat(client.run("signal SIGTERM").exitSignal()).isEqualTo("TERM");
    assertThat(client.run("signal 9").exitSignal()).isEqualTo("KILL");
    TestClient.Result bad = client.run("signal NOPE");
    assertThat(bad.exitSignal()).isNull();
    assertThat(bad.exitStatus()).isEqualTo(1);
  }

  @Test
  void unknownCommandIsNotFound() throws IOException {
    assertFails("frobnicate --all", 127, "frobnicate: command not found\n");
    TestClient.Result quote = client.run("echo 'unterminated");
    assertThat(quote.exitStatus()).isEqualTo(2);
    assertThat(quote.err()).startsWith("sh: unexpected EOF");
  }

  @Test
  void hangEndsOnlyWhenTheClientClosesTheChannel() throws IOException {
    try (ClientSession session = client.login()) {
      ChannelExec channel = session.createExecChannel("hang");
      channel.open().verify(TestClient.TIMEOUT);
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofMillis(500));
      assertThat(events)
          .contains(ClientChannelEvent.TIMEOUT)
          .doesNotContain(ClientChannelEvent.CLOSED);
      long start = System.nanoTime();
      channel.close(false).await(TestClient.TIMEOUT);
      assertThat(channel.isClosed()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      // the connection stays usable
      assertThat(TestClient.exec(session, "echo ok", null).out()).isEqualTo("ok\n");
    }
  }

  @Test
  void cancellingAStalledFloodClosesPromptly() throws Exception {
    try (ClientSession session = client.login()) {
      ChannelExec flood = session.createExecChannel("bytes 1000000000");
      flood.setStreaming(StreamingChannel.Streaming.Async); // and never read: the window fills up
      flood.open().verify(TestClient.TIMEOUT);
      Thread.sleep(300);
      long start = System.nanoTime();
      assertThat(flood.close(false).await(Duration.ofSeconds(10))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(TestClient.exec(session, "echo alive", null).out()).isEqualTo("alive\n");
    }
  }

  @Test
  void sessionChannelsPerConnectionAreLimitedLikeOpenSsh() throws IOException {
    try (ClientSession session = client.login()) {
      List<ChannelExec> open = new ArrayList<>();
      for (int i = 0; i < EmbeddedSshServer.DEFAULT_MAX_SESSIONS_PER_CONNECTION; i++) {
        ChannelExec channel = session.createExecChannel("hang");
        channel.open().verify(TestClient.TIMEOUT);
        open.add(channel);
      }
      ChannelExec refused = session.createExecChannel("echo no");
      assertThatThrownBy(() -> refused.open().verify(TestClient.TIMEOUT))
          .rootCause()
          .isInstanceOfSatisfying(
              SshChannelOpenException.class,
              e ->
                  assertThat(e.getReasonCode())
                      .isEqualTo(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED));
      open.get(0).close(false).await(TestClient.TIMEOUT);
      assertThat(TestClient.exec(session, "echo yes", null).out()).isEqualTo("yes\n");
      for (ChannelExec channel : open) {
        channel.close(false).await(TestClient.TIMEOUT);
      }
      // the slots are free again
      for (int i = 0; i < 12; i++) {
        assertThat(TestClient.exec(session, "true", null).exitStatus()).isZero();
      }
    }
  }

  @Test
  void manyCommandsOnOneConnection() throws IOException {
    try (ClientSession session = client.login()) {
      for (int i = 0; i < 50; i++) {
        assertThat(TestClient.exec(session, "echo " + i, null).out()).isEqualTo(i + "\n");
      }
    }
  }

  /** Runs {@code command} and checks its exit status and its whole stderr. */
  private static TestClient.Result assertFails(String command, int exitStatus, String err)
      throws IOException {
    TestClient.Result r = client.run(command);
    assertThat(r.exitStatus()).as(command).isEqualTo(exitStatus);
    assertThat(r.err()).as(command).isEqualTo(err);
    return r;
  }
}
