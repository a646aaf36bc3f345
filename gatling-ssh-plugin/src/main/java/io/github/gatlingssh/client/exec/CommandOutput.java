package io.github.gatlingssh.client.exec;

/**
 * One output stream of a command (stdout or stderr) as checks see it.
 *
 * @param text the decoded text, at most the configured number of characters
 * @param bytes every byte received, kept or not
 * @param lines lines of the whole stream, counted as it arrived (a last line without '\n' counts;
 *     past the kept text, only for charsets that encode '\n' as one byte, e.g. UTF-8)
 * @param truncated whether {@code text} stops before the end of the stream
 */
public record CommandOutput(String text, long bytes, long lines, boolean truncated) {
  /** A stream that carried no byte. */
  public static final CommandOutput EMPTY = new CommandOutput("", 0, 0, false);
}
