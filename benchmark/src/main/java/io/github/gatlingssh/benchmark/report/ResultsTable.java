package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.Environment;
import java.util.List;
import java.util.Map;

/**
 * The results table: the medians of every client at every N, with parallel-ssh's and OpenSSH's
 * published figures in italics, then which runs started on a noisy machine.
 */
final class ResultsTable {

  private ResultsTable() {}

  static void append(StringBuilder md, Summary s) {
    MarkdownTable.header(
        md, List.of("N", "client"), Report.TABLE.stream().map(m -> m.label).toList());
    for (int n : s.userCounts()) {
      for (Client c : Client.values()) {
        if (!s.has(c, n)) {
          continue;
        }
        md.append("| ").append(n).append(" | ").append(c.label).append(" |");
        Map<Metric, Double> medians = s.medians(c, n);
        Report.TABLE.forEach(m -> md.append(' ').append(m.format(medians.get(m))).append(" |"));
        md.append('\n');
      }
      appendReferences(md, n);
    }
    md.append("\nItalic rows: figures from ")
        .append(Reference.SOURCE)
        .append(" (same machine type), not measured by this run.\n");
    appendNoise(md, s);
  }

  private static void appendReferences(StringBuilder md, int n) {
    Reference.Row ref = Reference.PARALLEL_SSH_ROWS.get(n);
    if (ref != null) {
      md.append("| ").append(n).append(" | *").append(Reference.PARALLEL_SSH).append("* |");
      Report.TABLE.forEach(
          m -> {
            double v = Reference.value(ref, m);
            md.append(' ').append(Double.isNaN(v) ? "" : "*" + m.format(v) + "*").append(" |");
          });
      md.append('\n');
    }
    Double openssh = Reference.OPENSSH_TOTAL.get(n);
    if (openssh != null) {
      md.append("| ").append(n).append(" | *").append(Reference.OPENSSH).append("* |");
      Report.TABLE.forEach(
          m ->
              md.append(' ')
                  .append(m == Metric.TOTAL ? "*" + m.format(openssh) + "*" : "")
                  .append(" |"));
      md.append('\n');
    }
  }

  private static void appendNoise(StringBuilder md, Summary s) {
    List<String> noisy =
        s.runs().stream()
            .filter(r -> r.backgroundBusy() > Environment.QUIET)
            .map(
                r ->
                    "N="
                        + r.users()
                        + " "
                        + r.client().label
                        + " #"
                        + r.repetition()
                        + " ("
                        + Format.percent(r.backgroundBusy())
                        + ")")
            .toList();
    md.append("\nNoise: ")
        .append(
            noisy.isEmpty()
                ? "every run started on a quiet machine (other processes under "
                    + Format.percent(Environment.QUIET)
                    + " busy; the benchmark waits up to 15 s per run"
                    + " and 2 min in all for that)."
                : noisy.size()
                    + " of "
                    + s.runs().size()
                    + " runs started while other processes kept the"
                    + " machine busy (more than "
                    + Format.percent(Environment.QUIET)
                    + " after waiting up to 15 s per run, 2 min in all): "
                    + String.join(", ", noisy)
                    + ".")
        .append('\n');
  }
}
