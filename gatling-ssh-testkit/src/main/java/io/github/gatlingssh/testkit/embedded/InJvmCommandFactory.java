package io.github.gatlingssh.testkit.embedded;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Turns an exec request's command line into an {@link InJvmCommand}: the line is split with {@link
 * CommandLineParser}, the first word selects a {@link Program}, and an unknown word gives the
 * shell's "command not found" with exit status 127.
 *
 * @param scheduler the server's shared scheduler, for the commands' timers
 * @param files the server's files, for {@code cat}
 */
record InJvmCommandFactory(ScheduledExecutorService scheduler, FileStore files)
    implements CommandFactory {

  private static final Map<String, Program> PROGRAMS =
      Map.ofEntries(
          Map.entry("cat", FilePrograms::cat),
          Map.entry("echo", BasicPrograms::echo),
          Map.entry("err", BasicPrograms::err),
          Map.entry("true", BasicPrograms::succeed),
          Map.entry("false", BasicPrograms::fail),
          Map.entry("exit", BasicPrograms::exit),
          Map.entry("lines", StreamPrograms::lines),
          Map.entry("bytes", StreamPrograms::bytes),
          Map.entry("binary", StreamPrograms::binary),
          Map.entry("sleep", ControlPrograms::sleep),
          Map.entry("signal", ControlPrograms::signal),
          Map.entry("hang", ControlPrograms::hang),
          Map.entry("channels", ControlPrograms::channels));

  @Override
  public Command createCommand(ChannelSession channel, String commandLine) {
    List<String> words;
    try {
      words = CommandLineParser.split(commandLine);
    } catch (IllegalArgumentException e) {
      return command("sh", List.of(), BasicPrograms.syntaxError(e.getMessage()));
    }
    if (words.isEmpty()) {
      // as in a shell, a blank line does nothing, successfully
      return command("sh", List.of(), BasicPrograms::succeed);
    }
    String name = words.get(0);
    Program program = PROGRAMS.getOrDefault(name, BasicPrograms.notFound(name));
    return command(name, List.copyOf(words.subList(1, words.size())), program);
  }

  private InJvmCommand command(String name, List<String> args, Program program) {
    return new InJvmCommand(name, args, program, this);
  }
}
