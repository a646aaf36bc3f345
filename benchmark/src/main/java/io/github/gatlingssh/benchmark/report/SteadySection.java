package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.util.List;

/** The steady-state runs: sessions, CPU per session, then each client's step percentiles. */
final class SteadySection {

  private SteadySection() {}

  static void append(StringBuilder md, List<SteadyResult> steady) {
    if (steady.isEmpty()) {
      return;
    }
    SteadyResult first = steady.get(0);
    md.append("\n## Steady state (")
        .append(first.users())
        .append(" concurrent users, each looping the seed sequence for ")
        .append(first.seconds())
        .append(" s, closed model)\n\n");
    MarkdownTable.header(
        md,
        List.of("client"),
        List.of(
            "sessions completed",
            "sessions/s",
            "errors",
            "window",
            "client CPU",
            "client CPU/session",
            "server CPU/session"));
    for (SteadyResult r : steady) {
      MarkdownTable.row(
          md,
          List.of(
              r.client().label,
              Integer.toString(r.sessions()),
              Format.ratio(r.sessionsPerSecond()),
              Integer.toString(r.errors()),
              Format.millis(r.window()),
              Format.millis(r.clientCpu()),
              Format.millis(r.cpuPerSession()),
              Format.millis(r.serverCpuPerSession())));
    }
    md.append(
        "\nwindow = first connect to the last step's end; client CPU = the whole client process in"
            + " that window; sessions completed = successful disconnects.\n\n");
    RequestTable.header(md, List.of("client"));
    steady.forEach(r -> RequestTable.rows(md, List.of(r.client().label), r.requests()));
    for (SteadyResult r : steady) {
      if (!r.errorSamples().isEmpty()) {
        md.append("\n").append(r.client().label).append(" errors: ").append(r.errorSamples());
      }
    }
    md.append('\n');
  }
}
