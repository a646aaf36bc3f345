package io.github.gatlingssh.benchmark.result;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The seed workload's phase times for all N sessions together, computed like parallel-ssh's
 * lockstep phases: from the first start to the last completion of that phase across sessions.
 * Failed steps count with their times; errors are counted separately.
 *
 * @param authExecute first "connect" start to last "start" end
 * @param closeExit "close and exit status"
 * @param execute "execute" (the second exec request)
 * @param channelRead "channel read"
 * @param total first "connect" start to last "channel read" end (disconnect excluded)
 * @param disconnect "disconnect", reported apart
 * @param windowStart first "connect" start: where the client CPU window starts (epoch ms)
 * @param windowEnd the last end of any step, disconnect included: where the CPU window ends
 * @param errors failed steps
 * @param sessions sessions that started ("connect" steps)
 * @param windows each phase's window, in phase order (for the CPU used in it)
 */
public record Phases(
    double authExecute,
    double closeExit,
    double execute,
    double channelRead,
    double total,
    double disconnect,
    double windowStart,
    double windowEnd,
    int errors,
    int sessions,
    List<Window> windows) {

  /** From the first start to the last end of a phase, epoch ms. */
  public record Window(String phase, double start, double end) {}

  public static final String CONNECT = "connect";
  public static final String START = "start";
  public static final String CLOSE_AND_EXIT = "close and exit status";
  public static final String EXECUTE = "execute";
  public static final String CHANNEL_READ = "channel read";
  public static final String DISCONNECT = "disconnect";

  /** Milliseconds; NaN where a step is missing. */
  public static Phases of(Collection<PhaseRecord> records) {
    double windowEnd = max(records, r -> true);
    int errors = (int) records.stream().filter(r -> !r.ok()).count();
    int sessions = (int) records.stream().filter(r -> r.name().equals(CONNECT)).count();
    List<Window> windows =
        List.of(
            window(records, "auth+execute", CONNECT, START),
            window(records, "close+exit status", CLOSE_AND_EXIT, CLOSE_AND_EXIT),
            window(records, "execute", EXECUTE, EXECUTE),
            window(records, "channel read", CHANNEL_READ, CHANNEL_READ),
            window(records, "disconnect", DISCONNECT, DISCONNECT));
    return new Phases(
        span(records, CONNECT, START),
        span(records, CLOSE_AND_EXIT, CLOSE_AND_EXIT),
        span(records, EXECUTE, EXECUTE),
        span(records, CHANNEL_READ, CHANNEL_READ),
        span(records, CONNECT, CHANNEL_READ),
        span(records, DISCONNECT, DISCONNECT),
        firstStart(records, CONNECT),
        windowEnd,
        errors,
        sessions,
        windows);
  }

  private static Window window(
      Collection<PhaseRecord> records, String phase, String first, String last) {
    return new Window(phase, firstStart(records, first), max(records, r -> r.name().equals(last)));
  }

  /** Client CPU window length, ms. */
  double window() {
    return windowEnd - windowStart;
  }

  private static double span(Collection<PhaseRecord> records, String first, String last) {
    return max(records, r -> r.name().equals(last)) - firstStart(records, first);
  }

  private static double firstStart(Collection<PhaseRecord> records, String name) {
    return records.stream()
        .filter(r -> r.name().equals(name))
        .mapToDouble(PhaseRecord::start)
        .min()
        .orElse(Double.NaN);
  }

  private static double max(Collection<PhaseRecord> records, Predicate<PhaseRecord> which) {
    return records.stream().filter(which).mapToDouble(PhaseRecord::end).max().orElse(Double.NaN);
  }
}
