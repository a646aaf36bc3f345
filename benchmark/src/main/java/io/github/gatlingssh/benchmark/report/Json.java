package io.github.gatlingssh.benchmark.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** A minimal JSON writer for the report: maps, collections, strings, numbers (NaN as null), booleans. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb, "");
    return sb.append('\n').toString();
  }

  private static void write(Object v, StringBuilder sb, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> map) {
      writeObject(map, sb, indent);
    } else if (v instanceof Collection<?> list) {
      writeArray(list, sb, indent);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : number(d));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(v.toString(), sb);
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static void writeObject(Map<?, ?> map, StringBuilder sb, String indent) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    String inner = indent + "  ";
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(inner);
      string(String.valueOf(e.getKey()), sb);
      sb.append(": ");
      write(e.getValue(), sb, inner);
      sb.append(++i < map.size() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  private static void writeArray(Collection<?> list, StringBuilder sb, String indent) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    String inner = indent + "  ";
    sb.append("[\n");
    int i = 0;
    for (Object o : list) {
      sb.append(inner);
      write(o, sb, inner);
      sb.append(++i < list.size() ? ",\n" : "\n");
    }
    sb.append(indent).append(']');
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
