package io.github.gatlingssh.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry's naming convention, each name, tag key and tag value converted once. Micrometer's
 * InfluxDB registry converts every meter's name and tags again at every push (snake case, then a
 * regular expression to escape each), for names that never change: a fifth of its push. The maps
 * hold one entry per distinct name, key and value, no more than the meters themselves.
 */
final class MemoizedNamingConvention implements NamingConvention {
  private record NameKey(String name, Meter.Type type, String baseUnit) {}

  private final NamingConvention delegate;
  private final Map<NameKey, String> names = new ConcurrentHashMap<>();
  private final Map<String, String> tagKeys = new ConcurrentHashMap<>();
  private final Map<String, String> tagValues = new ConcurrentHashMap<>();

  MemoizedNamingConvention(NamingConvention delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name(String name, Meter.Type type, String baseUnit) {
    NameKey key = new NameKey(name, type, baseUnit);
    String converted = names.get(key);
    return converted != null
        ? converted
        : names.computeIfAbsent(key, k -> delegate.name(k.name(), k.type(), k.baseUnit()));
  }

  @Override
  public String tagKey(String key) {
    String converted = tagKeys.get(key);
    return converted != null ? converted : tagKeys.computeIfAbsent(key, delegate::tagKey);
  }

  @Override
  public String tagValue(String value) {
    String converted = tagValues.get(value);
    return converted != null ? converted : tagValues.computeIfAbsent(value, delegate::tagValue);
  }
}
