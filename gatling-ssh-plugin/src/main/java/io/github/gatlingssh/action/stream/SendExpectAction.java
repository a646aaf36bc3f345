package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * send(..) and/or expect(..) on a shell or tunnel: sends the text (if any), then waits until the
 * output since the previous match matches the regex (if any). Timed from the send to the match. A
 * KO (timeout, EOF) leaves the stream open: the user goes on.
 */
public final class SendExpectAction extends StreamAction {

  /** Builds the action of one send/expect in a scenario. */
  public SendExpectAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super(attributes.expect() == null ? "Send" : "Expect", attributes, components, ctx, next);
  }

  /** Output received before the channel closed can still be expected; only a send needs it open. */
  @Override
  protected boolean sendNeedsOpen() {
    return true;
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return onStream(
        session,
        request,
        (stream, sent, start) -> {
          CompletableFuture<String> step =
              attributes.expect() == null
                  ? sent.thenApply(ignored -> "")
                  : sent.thenCompose(
                      ignored ->
                          stream.expect(attributes.expect(), attributes.stripEscapes(), timeout));
          whenDone(
              session,
              step,
              step(),
              (text, failure, end) ->
                  finish(
                      session,
                      request,
                      start,
                      end,
                      failure == null ? response(text, null, null, start, end) : null,
                      failure));
        });
  }
}
