package io.github.gatlingssh.client.scp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Reads what an SCP peer sends between file data, however the bytes are split across reads: a
 * one-byte acknowledgement (0), an error (1 or 2, then a message line), or a command line ({@code
 * C0644 1024 name}, {@code T...}, {@code D...}, {@code E}) ending with a newline. One reader per
 * transfer, called by one thread at a time.
 */
final class ScpReplies {
  /** A command line longer than this is not SCP: the transfer is stopped. */
  private static final int MAX_LINE = 8192;

  /** What the peer sent. */
  record Reply(Kind kind, String text) {
    /** The first byte of a command line, e.g. 'C'; 0 for acks and errors. */
    char command() {
      return kind == Kind.COMMAND ? text.charAt(0) : 0;
    }
  }

  /** The kinds of replies. */
  enum Kind {
    /** A 0 byte: go on. */
    OK,
    /** A 1 or 2 byte and the server's message line, e.g. "scp: /x/y: No such file or directory". */
    ERROR,
    /** A command line, without its newline. */
    COMMAND
  }

  private static final Reply OK = new Reply(Kind.OK, "");

  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64);
  private int first = -1; // the first byte of the reply being read, or -1 between replies

  /**
   * Takes the next reply's bytes from {@code b} (only those: the rest stays in {@code b}).
   *
   * @return the reply, or null when {@code b} ended before it did
   * @throws IllegalStateException when a line exceeds {@value #MAX_LINE} bytes
   */
  Reply read(Buffer b) {
    if (first < 0) {
      if (b.available() == 0) {
        return null;
      }
      first = b.getUByte();
      if (first == 0) {
        first = -1;
        return OK;
      }
      if (first != 1 && first != 2) {
        line.write(first);
      }
    }
    while (b.available() > 0) {
      int c = b.getUByte();
      if (c == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        Kind kind = first == 1 || first == 2 ? Kind.ERROR : Kind.COMMAND;
        line.reset();
        first = -1;
        return new Reply(kind, text);
      }
      if (line.size() >= MAX_LINE) {
        throw new IllegalStateException("a line of more than " + MAX_LINE + " bytes");
      }
      line.write(c);
    }
    return null;
  }
}
