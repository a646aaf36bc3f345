package io.github.gatlingssh.action.stream;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * The base of shell open and tunnel open: on the user's open connection, refuses a second open
 * stream of the same name, opens the channel and keeps it in the session once it is ready.
 */
public abstract class OpenStreamAction extends StreamAction {

  /** Opens the stream on {@code connection}; returns it and the future of its readiness. */
  @FunctionalInterface
  protected interface Opener {
    /** Opens the stream; never throws. */
    StreamChannel<?> open(SshConnection connection);
  }

  protected OpenStreamAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("Open", attributes, components, ctx, next);
  }

  /** Whether the stream is ready, within the request's timeout (the stream's own wording). */
  protected abstract CompletableFuture<Void> ready(StreamChannel<?> stream);

  /** Opens the stream with {@code opener} and ends the request when it is ready (or failed). */
  protected final void open(Session session, String request, Opener opener) {
    long start = now();
    SshConnection connection = openConnection(session, request, start, attributes.connectionName());
    if (connection == null) {
      return;
    }
    StreamChannel<?> existing = stream(session);
    if (existing != null && existing.isOpen()) {
      String kind = attributes.kind().label();
      done(
          session,
          request,
          start,
          start,
          new SshFailure(
              step(),
              "a "
                  + kind
                  + " named '"
                  + attributes.streamName()
                  + "' is already open for this virtual user: close() it first, or use "
                  + kind
                  + "Name(..)"));
      return;
    }
    StreamChannel<?> stream = opener.open(connection);
    whenDone(
        session,
        ready(stream),
        step(),
        (ignored, failure, end) -> {
          if (failure != null) {
            done(session.remove(key), request, start, end, failure);
          } else {
            done(session.set(key, stream), request, start, end, (String) null);
          }
        });
  }
}
