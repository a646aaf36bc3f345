package io.github.gatlingssh.testkit.embedded;

/**
 * The reference workload file and the line format shared by the embedded server's generated output.
 *
 * <p>Line {@code i} (counting from 0) of width {@code w} is {@code 'L'}, then {@code i} zero-padded
 * to {@code w - 2} digits, then {@code '\n'}: {@code w - 1} printable ASCII characters and a
 * newline, the same as {@code String.format("L%078d\n", i)} for the usual 80 bytes. The seed file
 * is lines 0 to 332 of 80 bytes ({@value #SIZE} bytes), identical to the output of the server
 * command {@code lines 333} and to the seed file the simulations generate for a server on this
 * machine.
 */
public final class SeedFile {

  /** Number of lines in the seed file. */
  public static final int LINE_COUNT = 333;

  /** Bytes per line in the seed file, including the trailing {@code '\n'}. */
  public static final int LINE_WIDTH = 80;

  /** Total size of the seed file in bytes: 26,640. */
  public static final int SIZE = LINE_COUNT * LINE_WIDTH;

  /** File name of the seed file inside the server's data directory. */
  public static final String FILE_NAME = "seed.txt";

  private SeedFile() {}

  /**
   * Returns a fresh copy of the seed file content.
   *
   * @return {@value #SIZE} bytes of ASCII text
   */
  public static byte[] content() {
    return lines(0, LINE_COUNT, LINE_WIDTH);
  }

  /**
   * Generates {@code count} lines of the given width starting at line number {@code first}.
   *
   * @param first number of the first line
   * @param count number of lines
   * @param width bytes per line including {@code '\n'}, at least 1
   * @return {@code count * width} bytes
   */
  static byte[] lines(long first, int count, int width) {
    byte[] out = new byte[Math.multiplyExact(count, width)];
    for (int i = 0; i < count; i++) {
      writeLine(out, i * width, first + i, width);
    }
    return out;
  }

  /**
   * Writes line {@code lineNo}, {@code width} bytes including {@code '\n'}, at {@code offset}. A
   * number with more digits than fit keeps its last digits.
   */
  static void writeLine(byte[] out, int offset, long lineNo, int width) {
    int end = offset + width - 1; // the '\n'
    out[end] = '\n';
    if (width == 1) {
      return;
    }
    out[offset] = 'L';
    long n = lineNo;
    for (int i = end - 1; i > offset; i--) {
      out[i] = (byte) ('0' + (int) (n % 10));
      n /= 10;
    }
  }
}
