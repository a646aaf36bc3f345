package io.github.gatlingssh.testkit.embedded;

import java.util.List;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Generated output of any size, written chunk by chunk with back-pressure: {@code lines}, {@code
 * bytes} (the flood) and {@code binary}. Each chunk fits in one SSH packet (32 KiB is the usual
 * maximum) so MINA neither splits nor copies it.
 */
final class StreamPrograms {

  static final int MAX_LINE_WIDTH = 1024 * 1024;

  private static final int CHUNK = 32_000;

  /** 400 lines of 80 bytes, repeated by {@code bytes}; shared read-only by all commands. */
  private static final byte[] TEXT_BLOCK =
      SeedFile.lines(0, CHUNK / SeedFile.LINE_WIDTH, SeedFile.LINE_WIDTH);

  /** 0xFF, 0xFE, ... 0x80 repeated: no byte sequence in it is valid UTF-8. Shared read-only. */
  private static final byte[] BINARY_BLOCK = new byte[32 * 1024];

  static {
    for (int i = 0; i < BINARY_BLOCK.length; i++) {
      BINARY_BLOCK[i] = (byte) (0xFF - (i % 128));
    }
  }

  private StreamPrograms() {}

  /**
   * {@code lines N [WIDTH]}: N numbered lines of WIDTH bytes (default 80) in the {@link SeedFile}
   * format; {@code lines 333} equals the seed file.
   */
  static void lines(InJvmCommand cmd, List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      BasicPrograms.usage(cmd, "lines N [WIDTH]");
      return;
    }
    long count = BasicPrograms.count(cmd, args.get(0));
    if (count < 0) {
      return;
    }
    long width = args.size() > 1 ? BasicPrograms.count(cmd, args.get(1)) : SeedFile.LINE_WIDTH;
    if (width < 0) {
      return;
    }
    if (width < 1 || width > MAX_LINE_WIDTH) {
      cmd.printErr("lines: width must be between 1 and " + MAX_LINE_WIDTH + "\n");
      cmd.exit(1);
      return;
    }
    cmd.out().write(new LineSource(count, (int) width));
    cmd.exit(0);
  }

  /**
   * {@code bytes N}: exactly N bytes of 80-byte text lines (the last one cut short). Lines keep
   * line-splitting clients bounded, whatever N is.
   */
  static void bytes(InJvmCommand cmd, List<String> args) {
    repeat(cmd, args, "bytes N", TEXT_BLOCK);
  }

  /** {@code binary N}: exactly N bytes that are not valid UTF-8. */
  static void binary(InJvmCommand cmd, List<String> args) {
    repeat(cmd, args, "binary N", BINARY_BLOCK);
  }

  private static void repeat(InJvmCommand cmd, List<String> args, String usage, byte[] block) {
    if (args.size() != 1) {
      BasicPrograms.usage(cmd, usage);
      return;
    }
    long total = BasicPrograms.count(cmd, args.get(0));
    if (total < 0) {
      return;
    }
    cmd.out().write(new RepeatSource(block, total));
    cmd.exit(0);
  }

  /** Wraps the same read-only block again and again until {@code total} bytes are supplied. */
  private static final class RepeatSource implements OutputWriter.ChunkSource {
    private final byte[] block;
    private long remaining;

    RepeatSource(byte[] block, long total) {
      this.block = block;
      this.remaining = total;
    }

    @Override
    public Buffer next() {
      if (remaining == 0) {
        return null;
      }
      int n = (int) Math.min(remaining, block.length);
      remaining -= n;
      return new ByteArrayBuffer(block, 0, n);
    }
  }

  /**
   * Generates numbered lines into one reused array: the writer asks for the next chunk only after
   * the previous one was written (and thereby copied into a packet).
   */
  private static final class LineSource implements OutputWriter.ChunkSource {
    private final int width;
    private final int linesPerChunk;
    private final byte[] chunk;
    private final long end;
    private long next;

    LineSource(long count, int width) {
      this.width = width;
      this.end = count;
      this.linesPerChunk = (int) Math.max(1, Math.min(count, CHUNK / width));
      this.chunk = new byte[Math.multiplyExact(linesPerChunk, width)];
    }

    @Override
    public Buffer next() {
      if (next >= end) {
        return null;
      }
      int n = (int) Math.min(linesPerChunk, end - next);
      for (int i = 0; i < n; i++) {
        SeedFile.writeLine(chunk, i * width, next + i, width);
      }
      next += n;
      return new ByteArrayBuffer(chunk, 0, n * width);
    }
  }
}
