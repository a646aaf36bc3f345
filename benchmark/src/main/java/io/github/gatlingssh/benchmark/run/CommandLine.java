package io.github.gatlingssh.benchmark.run;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One mode's command line, read option by option: the values, the help and the bad options of every
 * mode ({@code benchmark/run}, {@code --sftp}, {@code --hold}) fail the same way, with that mode's
 * usage.
 *
 * <pre>{@code
 * CommandLine line = new CommandLine(args, 0, USAGE);
 * while (line.advance()) {
 *   switch (line.option()) {
 *     case "--users" -> users = line.intValue();
 *     default -> throw line.unknown();
 *   }
 * }
 * }</pre>
 */
public final class CommandLine {
  private final String[] args;
  private final String usage;
  private int next;
  private String option;

  /**
   * @param from the index of the first option (a leading mode word is skipped this way)
   * @param usage the mode's usage, shown for the help and after every error
   */
  public CommandLine(String[] args, int from, String usage) {
    this.args = args;
    this.next = from;
    this.usage = usage;
  }

  /**
   * Parses a mode's options and runs the mode with them; the help and bad options are printed and
   * end the mode.
   *
   * @param parse the mode's parser, throwing {@link IllegalArgumentException} as this class does
   * @return the mode's exit code; 0 after the help, 2 after a bad option
   */
  public static <T> int run(Supplier<T> parse, String usage, ToIntFunction<T> mode) {
    T options;
    try {
      options = parse.get();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return e.getMessage().equals(usage) ? 0 : 2;
    }
    return mode.applyAsInt(options);
  }

  /** Moves to the next option; false when there is none left. */
  public boolean advance() {
    if (next >= args.length) {
      return false;
    }
    option = args[next++];
    return true;
  }

  /** The option {@link #advance} moved to. */
  public String option() {
    return option;
  }

  /** The current option's value (the next argument). */
  public String value() {
    if (next >= args.length) {
      throw invalid(option + " needs a value");
    }
    return args[next++];
  }

  public int intValue() {
    return Integer.parseInt(value());
  }

  public long longValue() {
    return Long.parseLong(value());
  }

  /** The value as a comma-separated list, each item stripped. */
  public List<String> listValue() {
    return Arrays.stream(value().split(",")).map(String::strip).toList();
  }

  /** The value as JVM flags, separated by white space. */
  public List<String> flagsValue() {
    return List.of(value().trim().split("\\s+"));
  }

  /** What to throw for an option the mode does not know: the help ({@code -h}) is the usage. */
  public IllegalArgumentException unknown() {
    return option.equals("-h") || option.equals("--help")
        ? new IllegalArgumentException(usage)
        : invalid("unknown option " + option);
  }

  /** What to throw for a bad value: why, then the usage. */
  public IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException(why + "\n" + usage);
  }
}
