package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A send and/or expect step on a shell or tunnel, e.g. {@code shell("answer").send("echo
 * $((6*7))\n").expect("(?m)^42\\r?$").check(regex("(\\d+)").saveAs("n"))}. Timed from the send to
 * the match. Checks see the output from the previous match up to and including this one: {@code
 * bodyString()}, {@code regex(..)} (with groups), {@code substring(..)}. The timeout bounds the
 * wait for the match.
 */
public final class SshStreamActionBuilder
    extends SshCheckedActionBuilder<SshStreamActionBuilder, StreamAttributes> {

  SshStreamActionBuilder(StreamAttributes attributes) {
    super(
        attributes,
        RequestSetters.STREAM,
        SshStreamActionBuilder::new,
        StreamActionBuilder::sendExpect);
  }

  /**
   * Waits until the output received since the previous match matches {@code regex} (Java syntax;
   * {@code ^}/{@code $} anchor at the bounds of that output, use {@code (?m)} for lines). At the
   * timeout the request is KO with the last ~200 characters received; the stream stays open.
   */
  public SshStreamActionBuilder expect(String regex) {
    return with(request.withExpect(compile(regex)));
  }

  /**
   * After the send, waits for the shell to end, e.g. {@code shell("exit").send("exit
   * 3\n").awaitExit().check(exitStatus().is(3))}: one request from the send to the shell's exit.
   * Shells only (a tunnel has no exit status: use close()).
   */
  public SshShellAwaitExitActionBuilder awaitExit() {
    if (request.kind() != StreamAttributes.Kind.SHELL) {
      throw new IllegalArgumentException(
          "awaitExit() is for shells: a tunnel has no exit status, use tunnel(..).close()");
    }
    if (request.expect() != null) {
      throw new IllegalArgumentException(
          "awaitExit() follows send(..), not expect(..): "
              + "use shell(..).send(\"exit\\n\").awaitExit() as its own request");
    }
    return new SshShellAwaitExitActionBuilder(request);
  }

  /**
   * Matches (and checks) the output without terminal escape sequences (colours, cursor moves,
   * titles).
   */
  public SshStreamActionBuilder stripEscapes() {
    return with(request.withStripEscapes());
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
}
