package io.github.gatlingssh.benchmark.report;

import java.util.Map;

/**
 * Figures NOT measured by this benchmark: parallel-ssh 2.16 and OpenSSH's client on this machine
 * type, from issue 3's seed workload reference runs (median of 3 runs, ed25519 key auth,
 * curve25519-sha256, chacha20-poly1305, ssh-ed25519), and the targets for gatling-ssh at N = 200.
 */
final class Reference {
  static final String SOURCE = "issue 3's seed workload reference runs";
  static final String PARALLEL_SSH = "parallel-ssh 2.16 (reference, not measured here)";
  static final String OPENSSH = "OpenSSH ssh (reference, not measured here)";

  /** parallel-ssh phases in ms: auth+execute, close+exit status, execute, channel read, total. */
  record Row(
      double authExecute, double closeExit, double execute, double channelRead, double total) {}

  static final Map<Integer, Row> PARALLEL_SSH_ROWS =
      Map.of(
          1, new Row(116, 4, 48, 2, 169),
          10, new Row(246, 4, 56, 5, 312),
          50, new Row(895, 5, 131, 19, 1040),
          100, new Row(1730, 15, 212, 39, 2000),
          200, new Row(3380, 16, 396, 82, 3890));

  /** OpenSSH's client, N processes with curve25519-sha256: total ms by N. */
  static final Map<Integer, Double> OPENSSH_TOTAL = Map.of(200, 2590.0);

  /** Targets for gatling-ssh at N = 200. */
  static final int TARGET_USERS = 200;

  static final double TARGET_TOTAL = 1800;
  static final double TARGET_AUTH_EXECUTE = 1500;
  static final double TARGET_EXECUTE = 150;
  static final double TARGET_CPU_PER_SESSION = 3;
  static final double TARGET_RATIO_TO_MINA = 1.05;

  private Reference() {}

  static double value(Row row, Metric metric) {
    return switch (metric) {
      case AUTH_EXECUTE -> row.authExecute();
      case CLOSE_EXIT -> row.closeExit();
      case EXECUTE -> row.execute();
      case CHANNEL_READ -> row.channelRead();
      case TOTAL -> row.total();
      default -> Double.NaN;
    };
  }
}
