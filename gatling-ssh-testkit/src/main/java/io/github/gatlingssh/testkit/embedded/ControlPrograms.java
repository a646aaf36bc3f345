package io.github.gatlingssh.testkit.embedded;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sleep}, {@code signal}, {@code hang} and {@code channels}: commands about time,
 * termination and the connection they run on.
 */
final class ControlPrograms {

  /** POSIX numbers for the signal names RFC 4254 lists, to compute a shell-style 128 + N. */
  private static final Map<String, Integer> SIGNALS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("ABRT", 6),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15));

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);

  private ControlPrograms() {}

  /**
   * {@code sleep N...}: exits 0 after the sum of the arguments in seconds (decimals allowed), timed
   * by the server's shared scheduler.
   */
  static void sleep(InJvmCommand cmd, List<String> args) {
    if (args.isEmpty()) {
      cmd.printErr("sleep: missing operand\n");
      cmd.exit(1);
      return;
    }
    BigDecimal seconds = BigDecimal.ZERO;
    for (String arg : args) {
      try {
        BigDecimal value = new BigDecimal(arg);
        if (value.signum() < 0) {
          throw new NumberFormatException();
        }
        seconds = seconds.add(value);
      } catch (NumberFormatException e) {
        cmd.printErr("sleep: invalid time interval '" + arg + "'\n");
        cmd.exit(1);
        return;
      }
    }
    long nanos = seconds.min(MAX_SECONDS).multiply(NANOS_PER_SECOND).longValue();
    cmd.schedule(nanos, () -> cmd.exit(0));
  }

  /**
   * {@code signal NAME}: ends the command as if killed by signal NAME ({@code KILL}, {@code
   * SIGTERM}, or a number such as {@code 9}): the client gets {@code exit-signal} instead of an
   * exit status. Names with {@code @} (RFC 4254 local extensions) are passed through.
   */
  static void signal(InJvmCommand cmd, List<String> args) {
    if (args.size() != 1) {
      BasicPrograms.usage(cmd, "signal NAME");
      return;
    }
    String name = signalName(args.get(0));
    if (name == null) {
      cmd.printErr("signal: unknown signal '" + args.get(0) + "'\n");
      cmd.exit(1);
      return;
    }
    cmd.exitWithSignal(name, 128 + SIGNALS.getOrDefault(name, 0));
  }

  /**
   * {@code hang}: never exits; ends only when the client closes the channel or the server stops.
   */
  static void hang(InJvmCommand cmd, List<String> args) {
    // nothing to do: MINA destroys the command when the channel closes
  }

  /**
   * {@code channels}: prints the number of session channels open on this connection, this one
   * included, e.g. {@code 1} when the client closed all the others. Channels count until they start
   * closing, as for the per-connection limit.
   */
  static void channels(InJvmCommand cmd, List<String> args) {
    if (!args.isEmpty()) {
      BasicPrograms.usage(cmd, "channels");
      return;
    }
    cmd.print(EmbeddedChannelSession.openSessionChannels(cmd.channel().getSession()) + "\n");
    cmd.exit(0);
  }

  /**
   * @return the RFC 4254 name for {@code text} ({@code SIGKILL}, {@code kill}, {@code 9} give
   *     {@code KILL}), or null
   */
  static String signalName(String text) {
    if (text.indexOf('@') > 0) {
      return text;
    }
    String upper = text.toUpperCase(Locale.ROOT);
    String name = upper.startsWith("SIG") ? upper.substring(3) : upper;
    if (SIGNALS.containsKey(name)) {
      return name;
    }
    return SIGNALS.entrySet().stream()
        .filter(e -> e.getValue().toString().equals(text))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
