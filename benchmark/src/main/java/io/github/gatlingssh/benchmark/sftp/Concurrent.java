package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.result.RequestStats;
import java.util.List;
import java.util.Map;

/**
 * A concurrent run: all users' transfers together (window from the first user's start to the last
 * one's end), and per-request latencies (gatling-ssh: each request from simulation.log; OpenSSH:
 * each sftp process).
 */
record Concurrent(Measured total, Map<String, RequestStats> requests) {

  /**
   * {@code users} users each uploading and downloading {@code userBytes}.
   *
   * @param requests what each user did, timed; their span is the run's window
   * @param cpu the client's CPU in a window, ms
   */
  static Concurrent of(
      String client,
      int users,
      long userBytes,
      List<PhaseRecord> requests,
      Cpu cpu,
      List<String> errors) {
    double from = requests.stream().mapToDouble(PhaseRecord::start).min().orElse(Double.NaN);
    double to = requests.stream().mapToDouble(PhaseRecord::end).max().orElse(Double.NaN);
    Measured total =
        new Measured(
            client,
            what(users, userBytes),
            2 * userBytes * users,
            to - from,
            cpu.millis(from, to),
            cpu.details(from, to),
            errors);
    return new Concurrent(total, RequestStats.byName(requests));
  }

  static String what(int users, long userBytes) {
    return users + " users x (upload + download of " + Sizes.mib(userBytes) + ")";
  }

  /** A client's CPU in a window. */
  interface Cpu {
    double millis(double from, double to);

    /** Breakdowns for the JSON report. */
    default Map<String, Double> details(double from, double to) {
      return Map.of();
    }
  }
}
