package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.RequestStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Latency percentiles per request, one row each, after some leading columns (e.g. the client). */
public final class RequestTable {

  private RequestTable() {}

  /** The table alone: one row per request name, no leading columns. */
  public static void append(StringBuilder md, Map<String, RequestStats> requests) {
    header(md, List.of());
    rows(md, List.of(), requests);
  }

  static void header(StringBuilder md, List<String> leading) {
    MarkdownTable.header(
        md, leading, List.of("request", "count", "KO", "p50", "p95", "p99", "max"));
  }

  static void rows(StringBuilder md, List<String> leading, Map<String, RequestStats> requests) {
    requests.forEach(
        (name, st) -> {
          List<String> cells = new ArrayList<>(leading);
          cells.addAll(
              List.of(
                  name,
                  Integer.toString(st.count()),
                  Integer.toString(st.ko()),
                  Format.millis(st.p50()),
                  Format.millis(st.p95()),
                  Format.millis(st.p99()),
                  Format.millis(st.max())));
          MarkdownTable.row(md, cells);
        });
  }
}
