package io.github.gatlingssh.benchmark.bare;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a byte stream into UTF-8 lines as its chunks arrive, like a client reading a command's
 * output line by line; a line may span chunks. Not thread-safe: one stream, one reader at a time.
 */
final class LineSplitter {
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream(128);
  private final Consumer<String> lines;
  private long bytes;
  private long count;

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  void feed(byte[] data, int offset, int length) {
    bytes += length;
    int from = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (data[i] == '\n') {
        emit(data, from, i - from);
        from = i + 1;
      }
    }
    partial.write(data, from, end - from);
  }

  /** End of stream: a last line without '\n' still counts. */
  void finish() {
    if (partial.size() > 0) {
      emit(new byte[0], 0, 0);
    }
  }

  private void emit(byte[] data, int offset, int length) {
    String line;
    if (partial.size() == 0) {
      line = new String(data, offset, length, StandardCharsets.UTF_8);
    } else {
      partial.write(data, offset, length);
      line = partial.toString(StandardCharsets.UTF_8);
      partial.reset();
    }
    count++;
    lines.accept(line);
  }

  long bytes() {
    return bytes;
  }

  long lines() {
    return count;
  }
}
