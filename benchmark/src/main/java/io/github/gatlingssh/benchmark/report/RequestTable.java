package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.run.RampRun;
import java.util.Map;

/** A table of latencies per request name: count, KO, p50, p95, p99, max. */
public final class RequestTable {
  private RequestTable() {}

  public static void append(StringBuilder md, Map<String, RampRun.RequestStats> requests) {
    md.append("| request | count | KO | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
    requests.forEach(
        (name, st) ->
            md.append("| ")
                .append(
                    String.join(
                        " | ",
                        name,
                        Integer.toString(st.count()),
                        Integer.toString(st.ko()),
                        Format.millis(st.p50()),
                        Format.millis(st.p95()),
                        Format.millis(st.p99()),
                        Format.millis(st.max())))
                .append(" |\n"));
  }
}
