package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the JVM clients spend CPU: by thread group, and in each phase at the largest N. */
final class ClientCpuTables {

  private ClientCpuTables() {}

  /** The client CPU of each thread group, for gatling-ssh and bare MINA; nothing without groups. */
  static void appendThreads(StringBuilder md, Report r) {
    Summary s = r.summary();
    List<String> groups = r.threadGroups();
    if (groups.isEmpty()) {
      return;
    }
    md.append(
        "\n## Client CPU by thread group (median in the client CPU window, 100 ms samples)\n\n");
    List<String> columns = new ArrayList<>(groups);
    columns.add("client CPU/session without JIT");
    MarkdownTable.header(md, List.of("N", "client"), columns);
    for (int n : s.userCounts()) {
      for (Client c : List.of(Client.GATLING, Client.MINA)) {
        if (!s.has(c, n)) {
          continue;
        }
        Map<String, Double> cpu = s.threadCpu(c, n);
        md.append("| ").append(n).append(" | ").append(c.label).append(" |");
        groups.forEach(
            g -> md.append(' ').append(Format.millis(cpu.getOrDefault(g, 0.0))).append(" |"));
        md.append(' ')
            .append(Format.millis(s.median(c, n, Metric.CLIENT_CPU_PER_SESSION_WITHOUT_JIT)))
            .append(" |\n");
      }
    }
  }

  /** At the largest N: how busy the client and the machine were in each phase. */
  static void appendPhases(StringBuilder md, Summary s, int cpus) {
    List<Integer> ns = s.userCounts();
    if (ns.isEmpty()) {
      return;
    }
    int n = ns.get(ns.size() - 1);
    md.append("\n## CPU in each phase at N = ")
        .append(n)
        .append(" (medians; machine = all processes on all ")
        .append(cpus)
        .append(" CPUs)\n\n")
        .append("| client | phase | window | client CPU | machine busy CPU | machine busy |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Client c : List.of(Client.GATLING, Client.MINA)) {
      s.phaseCpu(c, n)
          .forEach(
              (phase, f) -> {
                double window = f.getOrDefault("window", Double.NaN);
                double busy = f.getOrDefault("machine busy CPU", Double.NaN);
                md.append("| ")
                    .append(c.label)
                    .append(" | ")
                    .append(phase)
                    .append(" | ")
                    .append(Format.millis(window))
                    .append(" | ")
                    .append(Format.millis(f.getOrDefault("client CPU", Double.NaN)))
                    .append(" | ")
                    .append(Format.millis(busy))
                    .append(" | ")
                    .append(Format.percent(busy / (cpus * window)))
                    .append(" |\n");
              });
    }
    md.append(
        "\nMachine figures come from 100 ms samples: rough for windows under a few hundred ms.\n");
  }
}
