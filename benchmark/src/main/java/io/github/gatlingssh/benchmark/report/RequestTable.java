package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.result.RequestStats;
import java.util.List;
import java.util.Map;

/** Latency percentiles per request, one row each, after some leading columns (e.g. the client). */
final class RequestTable {

  private RequestTable() {}

  static void header(StringBuilder md, List<String> leading) {
    MarkdownTable.header(
        md, leading, List.of("request", "count", "KO", "p50", "p95", "p99", "max"));
  }

  static void rows(StringBuilder md, List<String> leading, Map<String, RequestStats> requests) {
    requests.forEach(
        (name, st) -> {
          md.append('|');
          leading.forEach(c -> md.append(' ').append(c).append(" |"));
          md.append(' ')
              .append(name)
              .append(" | ")
              .append(st.count())
              .append(" | ")
              .append(st.ko())
              .append(" | ")
              .append(Format.millis(st.p50()))
              .append(" | ")
              .append(Format.millis(st.p95()))
              .append(" | ")
              .append(Format.millis(st.p99()))
              .append(" | ")
              .append(Format.millis(st.max()))
              .append(" |\n");
        });
  }
}
