package io.github.gatlingssh.action.shell;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.stream.OpenStreamAction;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.client.shell.RemoteShell;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * shell(..).open(): a session channel, a PTY and a shell, OK when the server started the shell. The
 * shell then belongs to the virtual user until close(), awaitExit() or the user's end.
 */
public final class ShellOpenAction extends OpenStreamAction {

  /** Builds the action of one shell open in a scenario. */
  public ShellOpenAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super(attributes, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return opening(
        session,
        request,
        (connection, charset, maxOutputLength) ->
            connection.shell(attributes.pty(), charset, maxOutputLength));
  }

  @Override
  protected CompletableFuture<Void> ready(StreamChannel<?> stream) {
    return ((RemoteShell) stream).started(timeout);
  }
}
