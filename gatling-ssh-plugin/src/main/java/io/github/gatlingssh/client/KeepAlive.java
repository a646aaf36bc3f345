package io.github.gatlingssh.client;

import java.time.Duration;

/**
 * Protocol keepalives on an authenticated connection, as OpenSSH's ServerAliveInterval and
 * ServerAliveCountMax: a global request ({@value #REQUEST}, want-reply) every {@code interval};
 * after {@code maxUnanswered} unanswered in a row the connection is declared lost and closed. Any
 * answer counts, a refusal too (servers refuse requests they do not know, and that proves them
 * alive).
 *
 * @param interval ZERO = off
 * @param maxUnanswered how many may go unanswered in a row before the connection is declared lost
 */
public record KeepAlive(Duration interval, int maxUnanswered) {
  /** The request OpenSSH's client sends (any server answers it, at least with a refusal). */
  public static final String REQUEST = "keepalive@openssh.com";

  /** No keepalives (the default, as OpenSSH's client). */
  public static final KeepAlive OFF = new KeepAlive(Duration.ZERO, 0);

  public KeepAlive {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException(
          "the keepalive interval must be a positive duration, was " + interval);
    }
    if (!interval.isZero() && maxUnanswered < 1) {
      throw new IllegalArgumentException(
          "the count of unanswered keepalives must be at least 1, was " + maxUnanswered);
    }
  }

  /** Whether keepalives are sent. */
  public boolean enabled() {
    return !interval.isZero();
  }
}
