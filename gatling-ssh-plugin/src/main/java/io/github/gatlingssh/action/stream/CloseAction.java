package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.protocol.SshComponents;

/**
 * close() of a shell or tunnel: CHANNEL_CLOSE, OK when the server closed its side too (a shell
 * still running is hung up by the server). A stream that already ended closes at once, OK.
 */
public final class CloseAction extends StreamAction {

  /** Builds the action of one close in a scenario. */
  public CloseAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("Close", attributes, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return onStream(
        session,
        request,
        (stream, sent, start) -> {
          Session without = session.remove(key);
          whenDone(
              session,
              stream.close(timeout),
              step(),
              (ignored, failure, end) -> done(without, request, start, end, failure));
        });
  }
}
