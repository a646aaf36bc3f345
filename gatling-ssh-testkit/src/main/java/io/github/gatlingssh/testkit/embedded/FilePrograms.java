package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/** {@code cat FILE...} from the server's {@link FileStore}, and {@code cat} of stdin. */
final class FilePrograms {

  private static final int STDIN_CHUNK = 32 * 1024;

  private FilePrograms() {}

  /**
   * {@code cat FILE...}: the files' contents in order; a file that cannot be read is reported on
   * stderr as GNU cat does and makes the exit status 1. Without arguments, or with {@code -},
   * copies stdin to stdout until the client sends EOF.
   */
  static void cat(InJvmCommand cmd, List<String> args) {
    if (args.isEmpty() || args.equals(List.of("-"))) {
      copyStdin(cmd, cmd.stdin(), new ByteArrayBuffer(STDIN_CHUNK, false));
      return;
    }
    int status = 0;
    for (String name : args) {
      try {
        cmd.out().write(cmd.files().read(name));
      } catch (NoSuchFileException e) {
        cmd.printErr("cat: " + name + ": No such file or directory\n");
        status = 1;
      } catch (AccessDeniedException e) {
        cmd.printErr("cat: " + name + ": Permission denied\n");
        status = 1;
      } catch (IOException e) {
        cmd.printErr("cat: " + name + ": " + e.getMessage() + "\n");
        status = 1;
      }
    }
    cmd.exit(status);
  }

  /** Reads a chunk, writes it, and reads again only once it is written: back-pressure both ways. */
  private static void copyStdin(InJvmCommand cmd, IoInputStream in, Buffer buffer) {
    if (cmd.isDestroyed()) {
      return;
    }
    buffer.clear();
    in.read(buffer)
        .addListener(
            f -> {
              if (f.getException() != null || f.getRead() < 0) {
                cmd.exit(0); // EOF from the client, or the channel is closing
                return;
              }
              Buffer b = f.getBuffer();
              cmd.out().write(Arrays.copyOfRange(b.array(), b.rpos(), b.wpos()));
              cmd.out().whenDrained(() -> copyStdin(cmd, in, buffer));
            });
  }
}
