package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A send and/or expect step on a shell or tunnel, e.g. {@code shell("answer").send("echo
 * $((6*7))\n").expect("(?m)^42\\r?$").check(regex("(\\d+)").saveAs("n"))}. Timed from the send to
 * the match. Checks see the output from the previous match up to and including this one: {@code
 * bodyString()}, {@code regex(..)} (with groups), {@code substring(..)}.
 */
public final class SshStreamActionBuilder implements ActionBuilder {
  private final StreamAttributes attributes;

  SshStreamActionBuilder(StreamAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * Waits until the output received since the previous match matches {@code regex} (Java syntax;
   * {@code ^}/{@code $} anchor at the bounds of that output, use {@code (?m)} for lines). At the
   * timeout the request is KO with the last ~200 characters received; the stream stays open.
   */
  public SshStreamActionBuilder expect(String regex) {
    return new SshStreamActionBuilder(attributes.withExpect(compile(regex)));
  }

  /**
   * After the send, waits for the shell to end, e.g. {@code shell("exit").send("exit
   * 3\n").awaitExit().check(exitStatus().is(3))}: one request from the send to the shell's exit.
   * Shells only (a tunnel has no exit status: use close()).
   */
  public SshShellAwaitExitActionBuilder awaitExit() {
    if (attributes.kind() != StreamAttributes.Kind.SHELL) {
      throw new IllegalArgumentException(
          "awaitExit() is for shells: a tunnel has no exit status, use tunnel(..).close()");
    }
    if (attributes.expect() != null) {
      throw new IllegalArgumentException(
          "awaitExit() follows send(..), not expect(..): "
              + "use shell(..).send(\"exit\\n\").awaitExit() as its own request");
    }
    return new SshShellAwaitExitActionBuilder(attributes);
  }

  /**
   * Matches (and checks) the output without terminal escape sequences (colours, cursor moves,
   * titles).
   */
  public SshStreamActionBuilder stripEscapes() {
    return new SshStreamActionBuilder(attributes.withStripEscapes());
  }

  /**
   * Checks on the output this step received: {@code bodyString()}, {@code regex(..)}, {@code
   * substring(..)}, ...
   */
  public SshStreamActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  /** Checks on the output this step received, as {@link #check(CheckBuilder...)}. */
  public SshStreamActionBuilder check(List<CheckBuilder> checks) {
    return new SshStreamActionBuilder(attributes.withChecks(checks));
  }

  /** How long to wait for the match (default: the protocol's requestTimeout). */
  public SshStreamActionBuilder timeout(Duration timeout) {
    return new SshStreamActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  static Pattern compile(String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException("expect needs a regex, e.g. expect(\"\\\\$ $\")");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "expect: invalid regex (Java syntax): " + e.getMessage(), e);
    }
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return StreamActionBuilder.sendExpect(attributes);
  }
}
