package io.github.gatlingssh.benchmark.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code key=value} arguments of a child JVM's main. */
final class ChildArgs {
  private final Map<String, String> values = new HashMap<>();

  ChildArgs(List<String> args) {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value: " + arg);
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
  }

  String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing argument " + key + "=...");
    }
    return v;
  }

  int getInt(String key) {
    return Integer.parseInt(get(key));
  }

  static String of(String key, Object value) {
    return key + "=" + value;
  }
}
