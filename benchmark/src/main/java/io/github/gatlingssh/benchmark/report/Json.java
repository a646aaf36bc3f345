package io.github.gatlingssh.benchmark.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A minimal JSON writer for the reports: maps, records (their components, in order, as members),
 * collections, strings, numbers (NaN as null), booleans. Hand-written for its layout (one member
 * per line, {@code "key": value}, 3 decimals, NaN as null), which the Markdown's readers diff
 * against; strings are escaped by Jackson's encoder.
 */
public final class Json {
  private Json() {}

  /** An object with these members, in this order: key, value, key, value, ... */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb, "");
    return sb.append('\n').toString();
  }

  private static void write(Object v, StringBuilder sb, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> map) {
      writeObject(map, sb, indent);
    } else if (v instanceof Record r) {
      writeObject(members(r), sb, indent);
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
    writeBlock(
        map.entrySet(),
        "{}",
        sb,
        indent,
        (e, inner) -> {
          string(String.valueOf(e.getKey()), sb);
          sb.append(": ");
          write(e.getValue(), sb, inner);
        });
  }

  private static void writeArray(Collection<?> list, StringBuilder sb, String indent) {
    writeBlock(list, "[]", sb, indent, (o, inner) -> write(o, sb, inner));
  }

  /** An object's members or an array's items, one per line, indented one level deeper. */
  private static <T> void writeBlock(
      Collection<T> items,
      String brackets,
      StringBuilder sb,
      String indent,
      BiConsumer<T, String> item) {
    if (items.isEmpty()) {
      sb.append(brackets);
      return;
    }
    String inner = indent + "  ";
    sb.append(brackets.charAt(0)).append('\n');
    int i = 0;
    for (T o : items) {
      sb.append(inner);
      item.accept(o, inner);
      sb.append(++i < items.size() ? ",\n" : "\n");
    }
    sb.append(indent).append(brackets.charAt(1));
  }

  /** A record's components by name, in declaration order. */
  private static Map<String, Object> members(Record r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        Method accessor = c.getAccessor();
        accessor.setAccessible(true); // records of the report are package-private
        m.put(c.getName(), accessor.invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
    }
    return m;
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
  }
}
