package io.github.gatlingssh.action.stream;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;

/**
 * The base of shell open and tunnel open: on the user's open connection, refuses a second open
 * stream of the same name, opens the channel and keeps it in the session once it is ready.
 */
public abstract class OpenStreamAction extends StreamAction {

  /** Opens the stream on {@code connection}; returns it and the future of its readiness. */
  @FunctionalInterface
  protected interface Opener {
    /**
     * Opens the stream, decoding with {@code charset} and keeping at most {@code maxOutputLength}
     * of output; never throws.
     */
    StreamChannel<?> open(SshConnection connection, Charset charset, int maxOutputLength);
  }

  protected OpenStreamAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("Open", attributes, components, ctx, next);
  }

  /** Whether the stream is ready, within the request's timeout (the stream's own wording). */
  protected abstract CompletableFuture<Void> ready(StreamChannel<?> stream);

  /**
   * The request that opens the stream with {@code opener}, the protocol's charset and output limit.
   */
  protected final Validation<Runnable> opening(Session session, String request, Opener opener) {
    return success(() -> open(session, request, opener));
  }

  /** Opens the stream with {@code opener} and ends the request when it is ready (or failed). */
  private void open(Session session, String request, Opener opener) {
    long start = now();
    SshConnection connection = openConnection(session, request, start, attributes.connectionName());
    if (connection == null) {
      return;
    }
    StreamChannel<?> existing = stream(session);
    if (existing != null && existing.isOpen()) {
      String kind = attributes.kind().label();
      refuse(
          session,
          request,
          start,
          step(),
          "a "
              + kind
              + " named '"
              + attributes.streamName()
              + "' is already open for this virtual user: close() it first, or use "
              + kind
              + "Name(..)");
      return;
    }
    SshProtocol protocol = components.protocol();
    StreamChannel<?> stream =
        opener.open(connection, protocol.output().charset(), protocol.output().maxOutputLength());
    whenDone(
        session,
        ready(stream),
        step(),
        (ignored, failure, end) -> keepOrFail(session, key, stream, request, start, end, failure));
  }
}
