package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * Test-only: a MINA server subsystem that runs a program (OpenSSH's {@code sftp-server}) and pipes
 * the channel to its stdin and stdout: a plain thread to the program, MINA's command thread ({@link
 * AbstractCommandSupport}) from it. It lets the tests prove the client against OpenSSH's SFTP
 * implementation without a private sshd.
 */
final class ProcessSubsystem extends AbstractCommandSupport {
  private final List<String> command;
  private Process process;

  private ProcessSubsystem(List<String> command) {
    super("sftp-server-out", null); // MINA runs run() on a thread of its own for the channel
    this.command = command;
  }

  /** A subsystem named {@code name} running {@code command} for each channel. */
  static SubsystemFactory factory(String name, List<String> command) {
    return Subsystems.of(name, () -> new ProcessSubsystem(command));
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Thread toProcess =
        new Thread(() -> pump(getInputStream(), process.getOutputStream(), true), "sftp-server-in");
    toProcess.setDaemon(true);
    toProcess.start();
    super.start(channel, env); // run(): from the program to the channel
  }

  @Override
  public void run() {
    pump(process.getInputStream(), getOutputStream(), false);
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException e) {
      code = -1;
    }
    onExit(code);
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
  public void destroy(ChannelSession channel) throws Exception {
    if (process != null) {
      process.destroy();
    }
    super.destroy(channel);
  }
}
