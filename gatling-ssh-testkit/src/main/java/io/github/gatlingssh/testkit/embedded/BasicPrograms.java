package io.github.gatlingssh.testkit.embedded;

import java.util.List;

/** {@code echo}, {@code err}, {@code true}, {@code false}, {@code exit} and the unknown command. */
final class BasicPrograms {

  private BasicPrograms() {}

  /** {@code echo [-n] ARGS...}: the words joined with spaces, then a newline unless {@code -n}. */
  static void echo(InJvmCommand cmd, List<String> args) {
    boolean newline = args.isEmpty() || !args.get(0).equals("-n");
    List<String> words = newline ? args : args.subList(1, args.size());
    cmd.print(String.join(" ", words) + (newline ? "\n" : ""));
    cmd.exit(0);
  }

  /** {@code err TEXT...}: like echo, but to stderr; exit status 0. */
  static void err(InJvmCommand cmd, List<String> args) {
    cmd.printErr(String.join(" ", args) + "\n");
    cmd.exit(0);
  }

  static void succeed(InJvmCommand cmd, List<String> args) {
    cmd.exit(0);
  }

  static void fail(InJvmCommand cmd, List<String> args) {
    cmd.exit(1);
  }

  /** {@code exit [N]}: exit status N modulo 256, as a shell reports it. */
  static void exit(InJvmCommand cmd, List<String> args) {
    if (args.isEmpty()) {
      cmd.exit(0);
      return;
    }
    try {
      cmd.exit((int) (Long.parseLong(args.get(0)) & 0xFF));
    } catch (NumberFormatException e) {
      cmd.printErr("exit: " + args.get(0) + ": numeric argument required\n");
      cmd.exit(2);
    }
  }

  /** What a shell prints for a command it cannot find; exit status 127. */
  static Program notFound(String name) {
    return (cmd, args) -> {
      cmd.printErr(name + ": command not found\n");
      cmd.exit(127);
    };
  }

  /**
   * Exit status 2 with the parser's message, for a line the parser rejects (e.g. an open quote).
   */
  static Program syntaxError(String message) {
    return (cmd, args) -> {
      cmd.printErr("sh: " + message + "\n");
      cmd.exit(2);
    };
  }

  /**
   * Parses a non-negative count argument, or reports {@code CMD: invalid number 'X'} and exits 1.
   *
   * @return the value, or -1 after reporting the error
   */
  static long count(InJvmCommand cmd, String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    cmd.printErr(cmd.name() + ": invalid number '" + text + "'\n");
    cmd.exit(1);
    return -1;
  }

  /** Reports a usage error: {@code CMD: usage: ...}, exit 2. */
  static void usage(InJvmCommand cmd, String usage) {
    cmd.printErr(cmd.name() + ": usage: " + usage + "\n");
    cmd.exit(2);
  }
}
