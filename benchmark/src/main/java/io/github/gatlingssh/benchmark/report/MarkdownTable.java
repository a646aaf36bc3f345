package io.github.gatlingssh.benchmark.report;

import java.util.List;

/** The parts that every Markdown table of the report shares. */
public final class MarkdownTable {

  private MarkdownTable() {}

  /** A table's header row and separator line: the key columns, then the value columns. */
  public static void header(StringBuilder md, List<String> keys, List<String> values) {
    md.append('|');
    keys.forEach(k -> md.append(' ').append(k).append(" |"));
    values.forEach(v -> md.append(' ').append(v).append(" |"));
    md.append('\n').append('|').append("---|".repeat(keys.size() + values.size())).append('\n');
  }

  /** One row: each cell as given. */
  static void row(StringBuilder md, List<String> cells) {
    md.append('|');
    cells.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append('\n');
  }
}
