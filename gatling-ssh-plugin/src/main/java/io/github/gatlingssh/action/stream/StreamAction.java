package io.github.gatlingssh.action.stream;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.check.Check;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandOutput;
import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import scala.Option;

/**
 * The base of the actions on a shell or tunnel: the stream is kept in the user's session under its
 * kind, connection and name (as Gatling WebSocket keeps its sockets); the checks run on what the
 * step received.
 */
public abstract class StreamAction extends SshAction {
  /** The request's attributes, as the DSL built them. */
  protected final StreamAttributes attributes;

  /** The session attribute the stream is kept under. */
  protected final String key;

  /** The request's timeout (its own or the protocol's requestTimeout). */
  protected final Duration timeout;

  private final scala.collection.immutable.List<Check<SshResponse>> checks;
  private final boolean exitChecked;

  /**
   * @param verb the action's verb, e.g. "Open" (the action is named "sshShellOpen-N")
   */
  protected StreamAction(
      String verb,
      StreamAttributes attributes,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(
        "ssh" + capitalized(attributes.kind().label()) + verb,
        attributes.requestName(),
        components,
        ctx,
        next);
    this.attributes = attributes;
    this.key = key(attributes.kind(), attributes.connectionName(), attributes.streamName());
    this.timeout =
        attributes.timeout() != null
            ? attributes.timeout()
            : components.protocol().client().requestTimeout();
    List<SshCheck> sshChecks =
        SshChecks.toScalaChecks(attributes.checks(), components.protocol().output().charset());
    this.checks = scalaList(sshChecks);
    this.exitChecked = sshChecks.stream().anyMatch(c -> c.scope() == SshCheck.Scope.EXIT);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The session attribute of a shell or tunnel. */
  static String key(StreamAttributes.Kind kind, String connectionName, String streamName) {
    return "gatling.ssh." + kind.label() + "." + connectionName + "." + streamName;
  }

  /** Whether the checks read the exit status or signal. */
  protected final boolean exitChecked() {
    return exitChecked;
  }

  /** The user's shell or tunnel of this request's name, open or not, or null. */
  protected final StreamChannel<?> stream(Session session) {
    Option<Object> value = session.attributes().get(key);
    return value.isDefined() ? (StreamChannel<?>) value.get() : null;
  }

  /** What a request does with the user's stream once it is sent. */
  @FunctionalInterface
  protected interface Step {
    /**
     * @param sent completes when what the request sends is sent (at once when it sends nothing)
     * @param start the request's start time
     */
    void run(StreamChannel<?> stream, CompletableFuture<Void> sent, long start);
  }

  /**
   * Whether sending needs the stream open (false by default: a stream that ended is found too, its
   * end can still be awaited, and a send to it fails as such).
   */
  protected boolean sendNeedsOpen() {
    return false;
  }

  /**
   * The request: resolves what it sends (EL, in the protocol's charset; a failure is a Gatling
   * crash); when it is sent, finds the user's stream, or logs it KO saying how to fix the scenario,
   * sends, and hands on to {@code step}.
   */
  protected final Validation<Runnable> onStream(Session session, String request, Step step) {
    byte[] resolvedData = null;
    if (attributes.send() != null) {
      Validation<String> resolved = attributes.send().resolve(session);
      if (failed(resolved)) {
        return propagate(resolved);
      }
      resolvedData = value(resolved).getBytes(components.protocol().output().charset());
    }
    byte[] data = resolvedData;
    return success(
        () -> {
          long start = now();
          StreamChannel<?> stream = stream(session);
          if (stream == null || (sendNeedsOpen() && data != null)) {
            stream = openStream(session, request, start); // logs the KO when there is none
          }
          if (stream != null) {
            CompletableFuture<Void> sent =
                data == null ? CompletableFuture.completedFuture(null) : stream.send(data);
            step.run(stream, sent, start);
          }
        });
  }

  /**
   * The user's open shell or tunnel; else logs this request KO (saying how to fix the scenario) and
   * returns null.
   */
  protected final StreamChannel<?> openStream(Session session, String request, long start) {
    StreamChannel<?> stream = stream(session);
    if (stream == null || !stream.isOpen()) {
      String kind = attributes.kind().label();
      String named =
          attributes.streamName().equals(SshAttributes.DEFAULT_NAME)
              ? ""
              : " named '" + attributes.streamName() + "'";
      String why =
          stream == null
              ? "no "
                  + kind
                  + named
                  + " open for this virtual user: add "
                  + kind
                  + "(..).open() before this request"
              : "the " + kind + named + " is closed (it ended, or was closed): open() it again";
      done(session.remove(key), request, start, start, new SshFailure(step(), why));
      return null;
    }
    return stream;
  }

  /** The step named in this request's KO messages. */
  protected final SshFailure.Step step() {
    return attributes.kind() == StreamAttributes.Kind.SHELL
        ? SshFailure.Step.SHELL
        : SshFailure.Step.TUNNEL;
  }

  /**
   * Ends the request: KO with {@code failure}, else the verdict of the checks on {@code response}.
   */
  protected final void finish(
      Session session,
      String request,
      long start,
      long end,
      SshResponse response,
      SshFailure failure) {
    if (failure != null) {
      done(session, request, start, end, failure);
      return;
    }
    doneChecked(session, request, start, end, checks, response, null);
  }

  /**
   * What the checks of a step see: an {@link SshResponse} whose stdout is the text the step
   * received (for expect: from the previous match up to and including this one), so Gatling's
   * {@code bodyString}, {@code regex} (with groups) and {@code substring} read it, and {@code
   * exitStatus()} reads a shell's exit status (awaitExit).
   */
  static SshResponse response(
      String text, Integer exitStatus, String exitSignal, long start, long end) {
    long lines =
        text.chars().filter(c -> c == '\n').count()
            + (text.isEmpty() || text.endsWith("\n") ? 0 : 1);
    CommandOutput out =
        text.isEmpty() ? CommandOutput.EMPTY : new CommandOutput(text, text.length(), lines, false);
    return new SshResponse(
        new CommandResult(exitStatus, exitSignal, out, CommandOutput.EMPTY), start, end);
  }
}
