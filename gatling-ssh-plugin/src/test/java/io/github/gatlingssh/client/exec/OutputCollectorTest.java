package io.github.gatlingssh.client.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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

  /** {@code data} received in one packet by a collector keeping 100 characters. */
  private static CommandOutput collected(Charset charset, byte[] data) {
    OutputCollector c = new OutputCollector(charset, 100);
    c.write(data, 0, data.length);
    return c.result();
  }

  @Test
  void crlfIsOneLineEndAndTheCarriageReturnStaysInTheText() {
    CommandOutput out =
        collected(StandardCharsets.UTF_8, "a\r\nb\r\nc".getBytes(StandardCharsets.UTF_8));
    assertThat(out.text()).isEqualTo("a\r\nb\r\nc");
    assertThat(out.lines()).isEqualTo(3);
  }

  @Test
  void aStreamEndingWithANewlineHasNoExtraLine() {
    OutputCollector c = utf8(100);
    c.write("a\r\nb\n".getBytes(StandardCharsets.UTF_8), 0, 5);
    assertThat(c.result().lines()).isEqualTo(2);
  }

  @Test
  void decodesACharsetWithoutSingleByteNewlines() {
    Charset utf16 = StandardCharsets.UTF_16BE;
    byte[] e = "é\nx\n€".getBytes(utf16);
    OutputCollector c = new OutputCollector(utf16, 100);
    for (int i = 0; i < e.length; i += 3) {
      c.write(e, i, Math.min(3, e.length - i));
    }
    CommandOutput out = c.result();
    assertThat(out.text()).isEqualTo("é\nx\n€");
    assertThat(out.lines()).isEqualTo(3);
    assertThat(out.bytes()).isEqualTo(e.length);
  }

  @Test
  void decodesASingleByteCharset() {
    CommandOutput out =
        collected(StandardCharsets.ISO_8859_1, new byte[] {'a', (byte) 0xE9, '\n', (byte) 0xFF});
    assertThat(out.text()).isEqualTo("aé\nÿ");
    assertThat(out.lines()).isEqualTo(2);
  }

  @Test
  void keptWholeAndDecodedAsItArrivesGiveTheSameTextAndLines() {
    Random random = new Random(42);
    for (int run = 0; run < 200; run++) {
      byte[] data = new byte[1 + random.nextInt(3000)];
      for (int i = 0; i < data.length; i++) {
        // mostly ASCII and newlines, some multi-byte and invalid sequences
        int r = random.nextInt(10);
        data[i] = (byte) (r < 6 ? 'a' + r : r < 8 ? '\n' : random.nextInt(256));
      }
      OutputCollector whole = utf8(data.length); // never more characters than bytes: kept whole
      OutputCollector cut = utf8(data.length / 2); // decoded as it arrives, cut
      for (int off = 0; off < data.length; ) {
        int len = Math.min(1 + random.nextInt(700), data.length - off);
        whole.write(data, off, len);
        cut.write(data, off, len);
        off += len;
      }
      CommandOutput w = whole.result();
      CommandOutput k = cut.result();
      assertThat(w.text()).isEqualTo(new String(data, StandardCharsets.UTF_8));
      assertThat(w.truncated()).isFalse();
      assertThat(k.text())
          .isEqualTo(w.text().substring(0, Math.min(w.text().length(), data.length / 2)));
      assertThat(k.lines()).isEqualTo(w.lines());
      assertThat(k.bytes()).isEqualTo(w.bytes()).isEqualTo(data.length);
    }
  }

  @Test
  void anUndecodedOutputIsDecodedOnce() {
    OutputCollector c = utf8(100);
    c.write("a\nb".getBytes(StandardCharsets.UTF_8), 0, 3);
    CommandOutput out = c.result();
    assertThat(out.text()).isSameAs(out.text());
  }
}
