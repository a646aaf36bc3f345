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
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.CommandOutput;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.client.stream.StreamEnd;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The requests on a user's shell or tunnel, one {@link Verb} each: they send their text (if any),
 * then wait for what their verb waits for; the checks run on what the step received.
 */
public final class StreamVerbAction extends StreamAction {

  /** What a request does once its text is sent. */
  public enum Verb {
    /**
     * send(..) and/or expect(..): waits until the output since the previous match matches the regex
     * (if any). Timed from the send to the match. A KO (timeout, EOF) leaves the stream open: the
     * user goes on.
     */
    SEND_EXPECT,
    /**
     * A shell's [send(..).]awaitExit(): waits for the shell to end and its channel to close; checks
     * see its exit status and the output since the last match. Without an exit check, a non-zero
     * status or a signal is a KO, as for exec. The shell is forgotten afterwards.
     */
    AWAIT_EXIT,
    /**
     * close(): CHANNEL_CLOSE, OK when the server closed its side too (a shell still running is hung
     * up by the server). A stream that already ended closes at once, OK.
     */
    CLOSE
  }

  /** A request under way on the user's stream, once its text is being sent. */
  private record Sent(
      Session session,
      String request,
      long start,
      StreamChannel<?> stream,
      CompletableFuture<Void> sent) {}

  private final Verb verb;
  private final scala.collection.immutable.List<Check<SshResponse>> checks;
  private final boolean exitChecked;

  /** Builds the action of one request of {@code verb} in a scenario. */
  public StreamVerbAction(
      Verb verb,
      StreamAttributes attributes,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(name(verb, attributes), attributes, components, ctx, next);
    this.verb = verb;
    List<SshCheck> sshChecks =
        SshChecks.toScalaChecks(attributes.checks(), components.protocol().output().charset());
    this.checks = scalaList(sshChecks);
    this.exitChecked = sshChecks.stream().anyMatch(c -> c.scope() == SshCheck.Scope.EXIT);
  }

  private static String name(Verb verb, StreamAttributes attributes) {
    return switch (verb) {
      case SEND_EXPECT -> attributes.expect() == null ? "Send" : "Expect";
      case AWAIT_EXIT -> "AwaitExit";
      case CLOSE -> "Close";
    };
  }

  /**
   * Resolves what the request sends (EL, in the protocol's charset; a failure is a Gatling crash);
   * when it is sent, finds the user's stream, or logs it KO saying how to fix the scenario, sends,
   * and goes on as its verb says.
   */
  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
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
          // output received before the channel closed can still be expected or awaited, and a
          // stream that ended can be closed: only a send needs the stream open
          if (stream == null || (verb == Verb.SEND_EXPECT && data != null)) {
            stream = openStream(session, request, start); // logs the KO when there is none
          }
          if (stream != null) {
            CompletableFuture<Void> sent =
                data == null ? CompletableFuture.completedFuture(null) : stream.send(data);
            Sent s = new Sent(session, request, start, stream, sent);
            switch (verb) {
              case SEND_EXPECT -> sendExpect(s);
              case AWAIT_EXIT -> awaitExit(s);
              case CLOSE -> close(s);
            }
          }
        });
  }

  private void sendExpect(Sent s) {
    CompletableFuture<String> matched =
        attributes.expect() == null
            ? s.sent().thenApply(ignored -> "")
            : s.sent()
                .thenCompose(
                    ignored ->
                        s.stream().expect(attributes.expect(), attributes.stripEscapes(), timeout));
    whenDone(
        s.session(),
        matched,
        step(),
        (text, failure, end) ->
            doneChecked(
                s.session(),
                s.request(),
                s.start(),
                end,
                failure,
                checks,
                failure == null ? response(text, null, null, s.start(), end) : null));
  }

  private void awaitExit(Sent s) {
    String stillRunning = attributes.kind().label() + " still running";
    whenDone(
        s.session(),
        s.sent().thenCompose(ignored -> s.stream().awaitEnd(timeout, stillRunning)),
        step(),
        (ended, failed, end) -> {
          SshFailure failure = failed != null ? failed : exitFailure(ended);
          // a shell that did not end in time stays the user's
          Session next =
              failure != null && failure.step() == SshFailure.Step.TIMEOUT
                  ? s.session()
                  : s.session().remove(key);
          doneChecked(
              next,
              s.request(),
              s.start(),
              end,
              failure,
              checks,
              failure == null
                  ? response(ended.output(), ended.exitStatus(), ended.exitSignal(), s.start(), end)
                  : null);
        });
  }

  /** The KO of a shell that ended badly, when no check reads its exit; else null. */
  private SshFailure exitFailure(StreamEnd ended) {
    if (exitChecked || (ended.exitStatus() != null && ended.exitStatus() == 0)) {
      return null;
    }
    return new SshFailure(
        step(),
        ended.exitStatus() != null
            ? "exit status " + ended.exitStatus()
            : ended.exitSignal() != null
                ? "killed by signal " + ended.exitSignal()
                : "closed without an exit status");
  }

  private void close(Sent s) {
    whenDone(
        s.session(),
        s.stream().close(timeout),
        step(),
        (ignored, failure, end) ->
            done(s.session().remove(key), s.request(), s.start(), end, failure));
  }

  /**
   * The user's open shell or tunnel; else logs this request KO (saying how to fix the scenario) and
   * returns null.
   */
  private StreamChannel<?> openStream(Session session, String request, long start) {
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
    return new SshResponse(exitStatus, exitSignal, out, CommandOutput.EMPTY, start, end);
  }
}
