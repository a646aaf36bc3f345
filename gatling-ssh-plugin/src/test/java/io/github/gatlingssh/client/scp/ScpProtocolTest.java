package io.github.gatlingssh.client.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;

/** The SCP protocol's pieces: replies split anywhere across reads, and the remote command line. */
class ScpProtocolTest {

  @Test
  void repliesAreReadWhereverTheReadsSplitThem() {
    ScpReplies replies = new ScpReplies();
    byte[] all =
        "\0C0644 12 f.bin\n\u0001scp: x: No such file or directory\n"
            .getBytes(StandardCharsets.UTF_8);
    // one byte per read: the worst split
    java.util.List<ScpReplies.Reply> got = new java.util.ArrayList<>();
    for (byte b : all) {
      ByteArrayBuffer one = new ByteArrayBuffer(new byte[] {b});
      ScpReplies.Reply r = replies.read(one);
      if (r != null) {
        got.add(r);
      }
      assertThat(one.available()).isZero();
    }
    assertThat(got)
        .extracting(ScpReplies.Reply::kind, ScpReplies.Reply::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ScpReplies.Kind.OK, ""),
            org.assertj.core.groups.Tuple.tuple(ScpReplies.Kind.COMMAND, "C0644 12 f.bin"),
            org.assertj.core.groups.Tuple.tuple(
                ScpReplies.Kind.ERROR, "scp: x: No such file or directory"));
    assertThat(got.get(1).command()).isEqualTo('C');
  }

  @Test
  void aReplyLeavesTheFollowingBytesInTheBuffer() {
    ScpReplies replies = new ScpReplies();
    ByteArrayBuffer b = new ByteArrayBuffer("\0DATA".getBytes(StandardCharsets.US_ASCII));
    assertThat(replies.read(b).kind()).isEqualTo(ScpReplies.Kind.OK);
    assertThat(b.available()).isEqualTo(4);
  }

  @Test
  void aLineThatNeverEndsIsNotScp() {
    ScpReplies replies = new ScpReplies();
    ByteArrayBuffer b = new ByteArrayBuffer(new byte[9000]);
    b.array()[0] = 'C';
    assertThatThrownBy(() -> replies.read(b)).hasMessageContaining("a line of more than");
  }

  @Test
  void pathsAreOneShellWord() {
    assertThat(ScpCommandLine.upload("dir/data.bin")).isEqualTo("scp -t dir/data.bin");
    assertThat(ScpCommandLine.download("~/x")).isEqualTo("scp -f ~/x");
    assertThat(ScpCommandLine.download("a b")).isEqualTo("scp -f 'a b'");
    assertThat(ScpCommandLine.download("it's")).isEqualTo("scp -f 'it'\\''s'");
    assertThat(ScpCommandLine.download("$(rm -rf x)")).isEqualTo("scp -f '$(rm -rf x)'");
    assertThat(ScpCommandLine.download("-rf")).isEqualTo("scp -f ./-rf");
  }

  @Test
  void anUploadAnnouncesTheLastPathElement() {
    assertThat(ScpCommandLine.fileName("dir/data.bin", "fallback")).isEqualTo("data.bin");
    assertThat(ScpCommandLine.fileName("data.bin", "fallback")).isEqualTo("data.bin");
    assertThat(ScpCommandLine.fileName("dir/", "fallback")).isEqualTo("fallback");
    assertThat(ScpCommandLine.fileName(".", "fallback")).isEqualTo("fallback");
    assertThat(ScpCommandLine.fileName("~", "fallback")).isEqualTo("fallback");
  }
}
