package io.github.gatlingssh.action.stream;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.Output;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.function.Function;

/**
 * open() of a shell or a tunnel, by the attributes' kind: on the user's open connection, refuses a
 * second open stream of the same name, opens the channel and keeps it in the session once it is
 * open. A shell is a session channel, a PTY and a shell, open when the server started the shell; a
 * tunnel is a direct-tcpip channel, open when the server connected to the target (a refusal is KO
 * "tunnel: to host:port refused by server (...)"). The stream then belongs to the virtual user
 * until close(), a shell's awaitExit() or the user's end.
 */
public final class OpenStreamAction extends StreamAction {

  /** Builds the action of one shell or tunnel open in a scenario. */
  public OpenStreamAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("Open", attributes, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    Validation<Function<SshConnection, StreamChannel<?>>> opener = opener(session);
    if (failed(opener)) {
      return propagate(opener);
    }
    return success(() -> open(session, request, value(opener)));
  }

  /**
   * How this kind of stream opens on a connection, with the protocol's charset and output limit: a
   * shell with the request's PTY, a tunnel to its target (EL, resolved for this user; a failure is
   * a Gatling crash). Openers never throw: failures come through the stream's futures.
   */
  private Validation<Function<SshConnection, StreamChannel<?>>> opener(Session session) {
    Output output = components.protocol().output();
    if (attributes.kind() == StreamAttributes.Kind.SHELL) {
      return success(
          connection ->
              connection.shell(attributes.pty(), output.charset(), output.maxOutputLength()));
    }
    Validation<String> host = attributes.host().resolve(session);
    Validation<Integer> port = attributes.port().resolve(session);
    if (failed(host) || failed(port)) {
      return propagate(failed(host) ? host : port);
    }
    String h = value(host);
    int p = value(port);
    return success(
        connection -> connection.tunnel(h, p, output.charset(), output.maxOutputLength()));
  }

  /** Opens the stream with {@code opener} and ends the request when it is open (or failed). */
  private void open(
      Session session, String request, Function<SshConnection, StreamChannel<?>> opener) {
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
    StreamChannel<?> stream = opener.apply(connection);
    whenDone(
        session,
        stream.opened(timeout),
        step(),
        (ignored, failure, end) -> keepOrFail(session, key, stream, request, start, end, failure));
  }
}
