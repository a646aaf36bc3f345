package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * Test-only: a MINA server subsystem that runs a program (OpenSSH's {@code sftp-server}) and pipes
 * the channel to its stdin and stdout, with two plain threads. It lets the tests prove the client
 * against OpenSSH's SFTP implementation without a private sshd.
 */
final class ProcessSubsystem extends StreamCommand {
  private final List<String> command;
  private Process process;

  private ProcessSubsystem(List<String> command) {
    this.command = command;
  }

  /** A subsystem named {@code name} running {@code command} for each channel. */
  static SubsystemFactory factory(String name, List<String> command) {
    return subsystem(name, () -> new ProcessSubsystem(command));
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Thread toProcess =
        new Thread(() -> pump(in, process.getOutputStream(), true), "sftp-server-in");
    Thread fromProcess =
        new Thread(
            () -> {
              pump(process.getInputStream(), out, false);
              int code;
              try {
                code = process.waitFor();
              } catch (InterruptedException e) {
                code = -1;
              }
              exit.onExit(code);
            },
            "sftp-server-out");
    toProcess.setDaemon(true);
    fromProcess.setDaemon(true);
    toProcess.start();
    fromProcess.start();
  }

  private static void pump(InputStream from, OutputStream to, boolean closeTarget) {
    byte[] b = new byte[64 * 1024];
    try {
      int n;
      while ((n = from.read(b)) >= 0) {
        to.write(b, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // the other side went away: the channel or the process ended
    } finally {
      if (closeTarget) {
        try {
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (process != null) {
      process.destroy();
    }
  }
}
