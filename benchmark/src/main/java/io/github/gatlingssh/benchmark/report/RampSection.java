package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.run.RampRun;

/** The ramp mode run (SeedSimulation's default injection): totals and one row per request. */
final class RampSection {

  private RampSection() {}

  static void append(StringBuilder md, RampRun.Result ramp) {
    md.append(
        "\n## Ramp mode (SeedSimulation default: closed model, 1 to 200 concurrent users)\n\n");
    md.append("HTML report: ").append(ramp.report()).append("\n\n");
    md.append(ramp.users())
        .append(" users in ")
        .append(Format.millis(ramp.duration()))
        .append("; client CPU ")
        .append(Format.millis(ramp.clientCpu()))
        .append(" (")
        .append(Format.millis(ramp.users() == 0 ? Double.NaN : ramp.clientCpu() / ramp.users()))
        .append("/user), server CPU ")
        .append(Format.millis(ramp.serverCpu()))
        .append(" (")
        .append(Format.millis(ramp.users() == 0 ? Double.NaN : ramp.serverCpu() / ramp.users()))
        .append("/user), machine busy ")
        .append(Format.percent(ramp.machineUtilisation()))
        .append(", errors ")
        .append(ramp.errors())
        .append(".\n\n");
    RequestTable.append(md, ramp.requests());
  }
}
