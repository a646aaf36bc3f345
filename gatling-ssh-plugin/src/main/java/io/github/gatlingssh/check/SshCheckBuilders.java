package io.github.gatlingssh.check;

import io.gatling.javaapi.core.CheckBuilder;
import java.util.function.Function;

/** The Java DSL's SSH checks: each one a Gatling "find" on a part of the {@link SshResponse}. */
public final class SshCheckBuilders {
  private SshCheckBuilders() {}

  /** The exit status (absent when the command died by a signal). */
  public static CheckBuilder.Find<Integer> exitStatus() {
    return find(
        "exitStatus", SshCheckType.ExitStatus, Integer.class, SshResponse::exitStatus, true);
  }

  /** The signal that killed the command, without "SIG" (absent when it exited normally). */
  public static CheckBuilder.Find<String> exitSignal() {
    return find("exitSignal", SshCheckType.ExitSignal, String.class, SshResponse::exitSignal, true);
  }

  /** Standard output as text (at most the protocol's maxOutputLength characters). */
  public static CheckBuilder.Find<String> stdout() {
    return find("stdout", SshCheckType.Stdout, String.class, r -> r.stdout().text(), false);
  }

  /**
   * The number of lines of standard output, counted as it streamed in (including output past
   * maxOutputLength).
   */
  public static CheckBuilder.Find<Integer> stdoutLineCount() {
    return find(
        "stdoutLineCount",
        SshCheckType.StdoutLineCount,
        Integer.class,
        r -> (int) Math.min(Integer.MAX_VALUE, r.stdout().lines()),
        true);
  }

  /** Standard error as text (at most the protocol's maxOutputLength characters). */
  public static CheckBuilder.Find<String> stderr() {
    return find("stderr", SshCheckType.Stderr, String.class, r -> r.stderr().text(), false);
  }

  /** {@link FindChecks#find} on an {@link SshResponse}, so the extractors above need no type. */
  private static <X> CheckBuilder.Find<X> find(
      String name,
      SshCheckType type,
      Class<X> javaClass,
      Function<SshResponse, X> extract,
      boolean logActualValue) {
    return FindChecks.find(name, type, javaClass, extract, logActualValue);
  }
}
