package io.github.gatlingssh.benchmark.result;

/**
 * One timed step of one session, as Gatling logs a request: its name, when it started and ended
 * (epoch milliseconds, fractional for the bare MINA client) and whether it succeeded.
 */
public record PhaseRecord(String name, double start, double end, boolean ok, String message) {

  public static PhaseRecord ok(String name, double start, double end) {
    return new PhaseRecord(name, start, end, true, "");
  }

  public static PhaseRecord failed(String name, double start, double end, String message) {
    return new PhaseRecord(name, start, end, false, message);
  }
}
