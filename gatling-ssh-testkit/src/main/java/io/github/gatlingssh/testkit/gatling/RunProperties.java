package io.github.gatlingssh.testkit.gatling;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system properties of one Gatling run: set before it, restored after it. Typesafe Config
 * caches system properties after the first read, so both invalidate that cache, and {@code
 * -Dgatling.*} overrides reach {@code GatlingConfiguration} every time.
 */
final class RunProperties {

  private static final String ANALYTICS_PROPERTY = "gatling.data.enableAnalytics";

  private RunProperties() {}

  /**
   * Sets the properties, plus the analytics opt-out unless the JVM says otherwise (Gatling would
   * post a usage event over the network on every run).
   *
   * @return the previous values, for {@link #restore}
   */
  static Map<String, String> apply(Map<String, String> properties) {
    Map<String, String> toSet = new LinkedHashMap<>();
    if (System.getProperty(ANALYTICS_PROPERTY) == null) {
      toSet.put(ANALYTICS_PROPERTY, "false");
    }
    toSet.putAll(properties);
    Map<String, String> previous = new HashMap<>();
    toSet.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    ConfigFactory.invalidateCaches();
    return previous;
  }

  /** Puts back the values that {@link #apply} returned (null: the property was not set). */
  static void restore(Map<String, String> previous) {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
    ConfigFactory.invalidateCaches();
  }
}
