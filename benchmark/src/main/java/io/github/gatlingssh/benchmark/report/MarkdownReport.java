package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's Markdown report: the environment, the results, then the comparisons, targets, CPU
 * breakdowns and checks; each longer section is rendered by a class of its own.
 */
public final class MarkdownReport {

  /** The metrics compared between gatling-ssh and bare MINA. */
  private static final List<Metric> RATIOS =
      List.of(
          Metric.AUTH_EXECUTE,
          Metric.EXECUTE,
          Metric.CHANNEL_READ,
          Metric.TOTAL,
          Metric.CLIENT_CPU,
          Metric.SERVER_CPU);

  private MarkdownReport() {}

  /** The whole report, as Markdown. */
  public static String render(Report r) {
    StringBuilder md = new StringBuilder();
    Summary s = r.summary();
    EnvironmentSection.append(md, r);
    if (r.charts() != null) {
      md.append("Charts: ").append(r.charts()).append("\n\n");
    }
    r.skipped()
        .forEach(
            (what, why) ->
                md.append("Skipped: ").append(what).append(": ").append(why).append("\n\n"));

    md.append("## Results\n\n");
    ResultsTable.append(md, s);
    GoComparison.append(md, s, r.steady());
    SteadySection.append(md, r.steady());

    md.append("\n## Targets (gatling-ssh at N = ").append(Reference.TARGET_USERS).append(")\n\n");
    md.append("| target | limit | measured | met |\n|---|---|---|---|\n");
    for (Targets.Check c : Targets.evaluate(s)) {
      MarkdownTable.row(
          md, Arrays.asList(c.target(), c.limit(), c.measured(), c.met() ? "yes" : "**no**"));
    }

    md.append("\n## gatling-ssh / bare MINA (ratio of medians)\n\n");
    MarkdownTable.header(md, List.of("N"), RATIOS.stream().map(m -> m.label).toList());
    for (int n : s.userCounts()) {
      md.append("| ").append(n).append(" |");
      RATIOS.forEach(m -> md.append(' ').append(Format.ratio(s.ratioToMina(n, m))).append(" |"));
      md.append('\n');
    }

    ClientCpuTables.appendThreads(md, r);
    ClientCpuTables.appendPhases(
        md,
        s,
        r.environment().get("cpus") instanceof Integer cpus
            ? cpus
            : Runtime.getRuntime().availableProcessors());

    md.append(
        "\n## Negotiated algorithms\n\n| client | kex | host key | cipher | MAC | from |\n|---|---|---|---|---|---|\n");
    r.negotiated()
        .forEach(
            (c, n) ->
                MarkdownTable.row(
                    md,
                    Arrays.asList(c.label, n.kex(), n.hostKey(), n.cipher(), n.mac(), source(c))));

    md.append("\n## Server CPU accounting check\n\n");
    md.append("Share of sshd's CPU (")
        .append(r.environment().get("serverCpuCrossCheck"))
        .append(") missing from the listener's utime+stime+cutime+cstime delta, median per N: ");
    List<String> gaps = new ArrayList<>();
    for (int n : s.userCounts()) {
      gaps.add("N=" + n + " " + Format.percent(s.serverProcShortfall(n)));
    }
    md.append(String.join(", ", gaps))
        .append(". ")
        .append(Definitions.LISTENER_SHORTFALL)
        .append('\n');

    if (r.ramp() != null) {
      RampSection.append(md, r.ramp());
    }

    md.append("\n## Definitions\n\n");
    Definitions.ALL.forEach(d -> md.append("- ").append(d).append('\n'));
    return md.toString();
  }

  /** Where the negotiated algorithms of {@code c} were read. */
  private static String source(Client c) {
    return switch (c) {
      case GATLING ->
          "one connection of the plugin's SshConnector with SeedSimulation's client settings";
      case MINA -> "the benchmark's first session";
      case OPENSSH -> "ssh -v";
      case GO -> "the Go client's first choices (OpenSSH picks the client's first it supports)";
    };
  }
}
