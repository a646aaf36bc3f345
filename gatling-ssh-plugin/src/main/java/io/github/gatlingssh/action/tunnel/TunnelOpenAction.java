package io.github.gatlingssh.action.tunnel;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.stream.OpenStreamAction;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.client.tunnel.Tunnel;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * tunnel(..).open(host, port): a direct-tcpip channel, OK when the server connected to the target.
 * A refused connection is KO "tunnel: to host:port refused by server (...)".
 */
public final class TunnelOpenAction extends OpenStreamAction {

  /** Builds the action of one tunnel open in a scenario. */
  public TunnelOpenAction(
      StreamAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super(attributes, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    Validation<String> host = attributes.host().resolve(session);
    if (failed(host)) {
      return propagate(host);
    }
    Validation<Integer> port = attributes.port().resolve(session);
    if (failed(port)) {
      return propagate(port);
    }
    String h = value(host);
    int p = value(port);
    return opening(
        session,
        request,
        (connection, charset, maxOutputLength) ->
            connection.tunnel(h, p, charset, maxOutputLength));
  }

  @Override
  protected CompletableFuture<Void> ready(StreamChannel<?> stream) {
    return ((Tunnel) stream).opened(timeout);
  }
}
