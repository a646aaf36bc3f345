package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import java.util.List;

/** The targets for gatling-ssh at N = 200, checked against the medians. */
final class Targets {
  private Targets() {}

  /** One target: measured (median) against the limit; met is false when not measured. */
  record Check(String target, String limit, String measured, boolean met) {}

  static List<Check> evaluate(Summary s) {
    int n = Reference.TARGET_USERS;
    double ratio = s.ratioToMina(n, Metric.TOTAL);
    return List.of(
        time("total", s.median(Client.GATLING, n, Metric.TOTAL), Reference.TARGET_TOTAL),
        time(
            "auth+execute",
            s.median(Client.GATLING, n, Metric.AUTH_EXECUTE),
            Reference.TARGET_AUTH_EXECUTE),
        time("execute", s.median(Client.GATLING, n, Metric.EXECUTE), Reference.TARGET_EXECUTE),
        time(
            "client CPU per session",
            s.median(Client.GATLING, n, Metric.CLIENT_CPU_PER_SESSION),
            Reference.TARGET_CPU_PER_SESSION),
        new Check(
            "gatling-ssh total / bare MINA total",
            "<= " + Format.ratio(Reference.TARGET_RATIO_TO_MINA),
            Format.ratio(ratio),
            ratio <= Reference.TARGET_RATIO_TO_MINA));
  }

  private static Check time(String name, double measured, double limit) {
    return new Check(
        name, "<= " + Format.millis(limit), Format.millis(measured), measured <= limit);
  }
}
