package io.github.gatlingssh.client.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {

  private static OutputCollector utf8(int maxLength) {
    return new OutputCollector(StandardCharsets.UTF_8, maxLength);
  }

  @Test
  void nothingReceivedIsEmpty() {
    assertThat(utf8(100).result()).isEqualTo(CommandOutput.EMPTY);
  }

  @Test
  void countsLinesIncludingAnUnterminatedLastOne() {
    OutputCollector c = utf8(100);
    c.write("a\nb\nc".getBytes(StandardCharsets.UTF_8), 0, 5);
    CommandOutput out = c.result();
    assertThat(out.text()).isEqualTo("a\nb\nc");
    assertThat(out.lines()).isEqualTo(3);
    assertThat(out.bytes()).isEqualTo(5);
    assertThat(out.truncated()).isFalse();
  }

  @Test
  void decodesAMultiByteCharacterSplitAcrossPackets() {
    byte[] e = "é€\n".getBytes(StandardCharsets.UTF_8); // 2 + 3 + 1 bytes
    OutputCollector c = utf8(100);
    for (int i = 0; i < e.length; i++) {
      c.write(e, i, 1);
    }
    assertThat(c.result().text()).isEqualTo("é€\n");
  }

  @Test
  void replacesInvalidUtf8WithTheReplacementCharacter() {
    OutputCollector c = utf8(100);
    c.write(new byte[] {'o', 'k', (byte) 0xFF, (byte) 0xFE, '\n'}, 0, 5);
    CommandOutput out = c.result();
    assertThat(out.text()).startsWith("ok").endsWith("\n").contains("\uFFFD");
    assertThat(out.lines()).isEqualTo(1);
  }

  @Test
  void aTruncatedMultiByteSequenceAtTheEndIsReplaced() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    OutputCollector c = utf8(100);
    c.write(euro, 0, 2);
    assertThat(c.result().text()).isEqualTo("\uFFFD");
  }

  @Test
  void keepsAtMostMaxLengthCharactersButCountsEveryByteAndLine() {
    OutputCollector c = utf8(10);
    byte[] line = "0123456789abcdef\n".getBytes(StandardCharsets.UTF_8); // 17 bytes
    for (int i = 0; i < 1000; i++) {
      c.write(line, 0, line.length);
    }
    CommandOutput out = c.result();
    assertThat(out.text()).isEqualTo("0123456789");
    assertThat(out.truncated()).isTrue();
    assertThat(out.bytes()).isEqualTo(17_000);
    assertThat(out.lines()).isEqualTo(1000);
  }

  @Test
  void aPacketLargerThanTheDecodeBufferCrossingTheLimitIsCountedNotCarried() {
    OutputCollector c = utf8(1000);
    byte[] packet =
        "0123456789abcdef\n".repeat(2000).getBytes(StandardCharsets.UTF_8); // 34,000 bytes
    c.write(packet, 0, packet.length);
    c.write(packet, 0, packet.length);
    CommandOutput out = c.result();
    assertThat(out.text()).hasSize(1000);
    assertThat(out.bytes()).isEqualTo(68_000);
    assertThat(out.lines()).isEqualTo(4000);
  }

  @Test
  void aLargeStreamIsDecodedWhole() {
    OutputCollector c = utf8(1 << 20);
    byte[] chunk =
        "x".repeat(79).concat("\n").repeat(400).getBytes(StandardCharsets.UTF_8); // 32,000 bytes
    for (int i = 0; i < 10; i++) {
      c.write(chunk, 0, chunk.length);
    }
    CommandOutput out = c.result();
    assertThat(out.text()).hasSize(320_000);
    assertThat(out.lines()).isEqualTo(4000);
  }

  @Test
  void zeroMaxLengthKeepsNothingButCounts() {
    OutputCollector c = utf8(0);
    c.write("a\nb\n".getBytes(StandardCharsets.UTF_8), 0, 4);
    CommandOutput out = c.result();
    assertThat(out.text()).isEmpty();
    assertThat(out.lines()).isEqualTo(2);
    assertThat(out.truncated()).isTrue();
  }
}
