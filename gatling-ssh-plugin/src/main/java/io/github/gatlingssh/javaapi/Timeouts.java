package io.github.gatlingssh.javaapi;

import java.time.Duration;

final class Timeouts {
  private Timeouts() {}

  static Duration positive(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be a positive duration, was " + timeout);
    }
    return timeout;
  }

  static String connectionName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("connectionName must not be empty");
    }
    return name;
  }

  static String channelName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("channelName must not be empty");
    }
    return name;
  }
}
