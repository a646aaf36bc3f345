package io.github.gatlingssh.client.sftp;

import java.util.function.Supplier;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/** Test-only: the tests' SFTP subsystems as MINA subsystem factories. */
final class Subsystems {

  private Subsystems() {}

  /** A subsystem named {@code name} that runs a new command from {@code commands} per channel. */
  static SubsystemFactory of(String name, Supplier<? extends Command> commands) {
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
}
