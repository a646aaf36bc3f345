package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.benchmark.run.GoRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Issue 10's table: gatling-ssh against Go's x/crypto/ssh (with bare MINA beside them) at the
 * largest N run at once, and in the steady state; the ratio is gatling-ssh / Go.
 */
final class GoComparison {

  /** One measure: each client's median (NaN where not run) and gatling-ssh / Go. */
  record Row(String measure, Metric.Kind kind, Map<Client, Double> values) {
    double ratio() {
      return values.get(Client.GATLING) / values.get(Client.GO);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", measure);
      values.forEach((c, v) -> m.put(c.label, v));
      m.put("gatling-ssh / Go", ratio());
      return m;
    }
  }

  static final List<Client> CLIENTS = List.of(Client.GATLING, Client.MINA, Client.GO);

  private GoComparison() {}

  static List<Row> rows(Summary s, List<SteadyResult> steady) {
    List<Row> rows = new ArrayList<>();
    List<Integer> ns = s.userCounts();
    if (!ns.isEmpty()) {
      int n = ns.get(ns.size() - 1);
      String once = n + " sessions at once, after the warm-up: ";
      rows.add(once(s, n, once + "total (wall)", Metric.TOTAL));
      rows.add(once(s, n, once + "client CPU per session", Metric.CLIENT_CPU_PER_SESSION));
    }
    if (!steady.isEmpty()) {
      SteadyResult first = steady.get(0);
      String label =
          "steady state, " + first.users() + " users looping " + first.seconds() + " s: ";
      rows.add(
          steady(
              steady,
              label + "client CPU per session",
              Metric.Kind.TIME,
              SteadyResult::cpuPerSession));
      rows.add(
          steady(steady, label + "sessions completed", Metric.Kind.COUNT, SteadyResult::sessions));
    }
    return rows;
  }

  private static Row once(Summary s, int n, String measure, Metric metric) {
    Map<Client, Double> values = new LinkedHashMap<>();
    CLIENTS.forEach(c -> values.put(c, s.has(c, n) ? s.median(c, n, metric) : Double.NaN));
    return new Row(measure, metric.kind, values);
  }

  private static Row steady(
      List<SteadyResult> steady,
      String measure,
      Metric.Kind kind,
      ToDoubleFunction<SteadyResult> value) {
    Map<Client, Double> values = new LinkedHashMap<>();
    CLIENTS.forEach(
        c ->
            values.put(
                c,
                steady.stream()
                    .filter(r -> r.client() == c)
                    .mapToDouble(value)
                    .findFirst()
                    .orElse(Double.NaN)));
    return new Row(measure, kind, values);
  }

  static void append(StringBuilder md, Summary s, List<SteadyResult> steady) {
    List<Row> rows = rows(s, steady);
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n## gatling-ssh / Go x/crypto/ssh\n\n");
    List<String> columns = new ArrayList<>(CLIENTS.stream().map(c -> c.label).toList());
    columns.add("gatling-ssh / Go");
    MarkdownTable.header(md, List.of("measure"), columns);
    for (Row r : rows) {
      md.append("| ").append(r.measure()).append(" |");
      r.values().values().forEach(v -> md.append(' ').append(format(r.kind(), v)).append(" |"));
      md.append(' ').append(Format.ratio(r.ratio())).append(" |\n");
    }
    md.append(
        "\nClient CPU = the whole client process (all threads or goroutines: JIT, GC, Gatling,"
            + " MINA, Go's runtime). The Go client warms up with "
            + GoRun.WARM_UP
            + " sequential sessions against the server under test (not counted); the JVM clients"
            + " with gatling-ssh's JIT warm-up against an in-JVM server.\n");
  }

  private static String format(Metric.Kind kind, double v) {
    return kind == Metric.Kind.COUNT ? Format.count(v) : Format.millis(v);
  }
}
