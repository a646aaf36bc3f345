package io.github.gatlingssh.testkit.embedded;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A small interactive shell inside the JVM, on MINA's async streams (no process, no thread), so
 * that shell requests can be tested without OpenSSH. It behaves like a shell on a PTY: it prints
 * the prompt {@code "$ "}, echoes what is typed (a line end as {@code "\r\n"}), and runs each line:
 *
 * <ul>
 *   <li>{@code echo WORDS}: prints the words, then {@code "\r\n"};
 *   <li>{@code exit [N]}: ends with exit status N (default 0), after the output is written;
 *   <li>anything else: {@code "NAME: command not found\r\n"}.
 * </ul>
 *
 * End of input (the client's EOF) ends the shell with status 0.
 */
final class InJvmShell extends AsyncCommandSupport {
  private static final byte[] PROMPT = "$ ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEWLINE = "\r\n".getBytes(StandardCharsets.UTF_8);

  private final StringBuilder line = new StringBuilder(); // confined to MINA's read callbacks
  private final AtomicBoolean exited = new AtomicBoolean();
  private volatile OutputWriter out;

  @Override
  public void start(ChannelSession channel, Environment env) {
    out = new OutputWriter(ioOut); // a PTY merges stderr into the terminal: all goes to stdout
    out.write(PROMPT);
    read(new ByteArrayBuffer(1024, false));
  }

  @Override
  public void destroy(ChannelSession channel) {
    OutputWriter o = out;
    if (o != null) {
      o.stop();
    }
  }

  private void read(Buffer buffer) {
    ioIn.read(buffer)
        .addListener(
            f -> {
              if (f.getException() != null || f.getRead() < 0) {
                exit(0);
                return;
              }
              Buffer b = f.getBuffer();
              String typed = new String(b.array(), b.rpos(), b.available(), StandardCharsets.UTF_8);
              b.rpos(0);
              b.wpos(0);
              if (typed(typed)) {
                read(buffer);
              }
            });
  }

  /** Echoes and runs what was typed; false once the shell exited. */
  private boolean typed(String typed) {
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == '\n' || c == '\r') {
        out.write(NEWLINE);
        String command = line.toString().trim();
        line.setLength(0);
        if (!run(command)) {
          return false;
        }
        out.write(PROMPT);
      } else {
        out.write(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        line.append(c);
      }
    }
    return true;
  }

  /** Runs one line; false when it was exit. */
  private boolean run(String command) {
    if (command.isEmpty()) {
      return true;
    }
    String[] words = command.split("\\s+", 2);
    switch (words[0]) {
      case "echo" ->
          out.write(((words.length > 1 ? words[1] : "") + "\r\n").getBytes(StandardCharsets.UTF_8));
      case "exit" -> {
        int status;
        try {
          status = words.length > 1 ? Integer.parseInt(words[1].trim()) : 0;
        } catch (NumberFormatException e) {
          status = 2;
        }
        exit(status);
        return false;
      }
      default -> out.write((words[0] + ": command not found\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return true;
  }

  private void exit(int status) {
    if (exited.compareAndSet(false, true)) {
      // after the last byte is written, so that EOF and exit-status cannot overtake the output
      out.whenDrained(() -> exitCallback.onExit(status));
    }
  }
}
