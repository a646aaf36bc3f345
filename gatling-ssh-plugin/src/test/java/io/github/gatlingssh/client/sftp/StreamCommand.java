package io.github.gatlingssh.client.sftp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * Test-only: what the tests' SFTP subsystems ({@link ProcessSubsystem}, {@link ScriptedSftpServer})
 * share: the channel's stdin and stdout as MINA hands them over (stderr unused), the exit callback,
 * and a subsystem factory making one command per channel.
 */
abstract class StreamCommand implements Command {
  /** The channel's input, set by MINA before {@code start}. */
  protected InputStream in;

  /** The channel's output, set by MINA before {@code start}. */
  protected OutputStream out;

  /** Reports the command's exit status, set by MINA before {@code start}. */
  protected ExitCallback exit;

  /** A subsystem named {@code name} that runs a new command from {@code commands} per channel. */
  static SubsystemFactory subsystem(String name, Supplier<? extends Command> commands) {
    return new SubsystemFactory() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Command createSubsystem(ChannelSession channel) {
        return commands.get();
      }
    };
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // unused: these subsystems write no stderr (a program's stderr is discarded)
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }
}
