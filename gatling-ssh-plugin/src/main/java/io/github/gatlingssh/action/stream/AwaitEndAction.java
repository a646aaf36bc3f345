package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.SshComponents;

/**
 * A shell's [send(..).]awaitExit(): sends the text if any (e.g. "exit 3\n"), then waits for the
 * shell to end and its channel to close; checks see its exit status and the output since the last
 * match. Without an exit check, a non-zero status or a signal is a KO, as for exec. The shell is
 * forgotten afterwards.
 */
public final class AwaitEndAction extends StreamAction {

  /** Builds the action of one awaitExit in a scenario. */
  public AwaitEndAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("AwaitExit", attributes, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return onStream(
        session,
        request,
        (stream, sent, start) -> {
          Session without = session.remove(key);
          String stillRunning = attributes.kind().label() + " still running";
          whenDone(
              session,
              sent.thenCompose(ignored -> stream.awaitEnd(timeout, stillRunning)),
              step(),
              (end, failure, at) -> {
                if (failure == null
                    && !exitChecked()
                    && (end.exitStatus() == null || end.exitStatus() != 0)) {
                  failure =
                      new SshFailure(
                          step(),
                          end.exitStatus() != null
                              ? "exit status " + end.exitStatus()
                              : end.exitSignal() != null
                                  ? "killed by signal " + end.exitSignal()
                                  : "closed without an exit status");
                }
                // a shell that did not end in time stays the user's
                Session next =
                    failure != null && failure.step() == SshFailure.Step.TIMEOUT
                        ? session
                        : without;
                finish(
                    next,
                    request,
                    start,
                    at,
                    failure == null
                        ? response(end.output(), end.exitStatus(), end.exitSignal(), start, at)
                        : null,
                    failure);
              });
        });
  }
}
