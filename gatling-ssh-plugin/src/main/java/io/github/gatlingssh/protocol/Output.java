package io.github.gatlingssh.protocol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a command's output is kept for checks.
 *
 * @param charset how stdout and stderr are decoded (invalid input becomes U+FFFD)
 * @param maxOutputLength characters of stdout (and of stderr) kept per command for checks; output
 *     beyond it is read and counted, not kept
 */
public record Output(Charset charset, int maxOutputLength) {
  /** 1 MiB of characters. */
  public static final int DEFAULT_MAX_OUTPUT_LENGTH = 1 << 20;

  /** UTF-8, 1,048,576 characters. */
  public static final Output DEFAULT =
      new Output(StandardCharsets.UTF_8, DEFAULT_MAX_OUTPUT_LENGTH);

  /** A copy with this charset. */
  public Output withCharset(Charset value) {
    return new Output(value, maxOutputLength);
  }

  /** A copy with this many characters kept. */
  public Output withMaxOutputLength(int value) {
    return new Output(charset, value);
  }
}
