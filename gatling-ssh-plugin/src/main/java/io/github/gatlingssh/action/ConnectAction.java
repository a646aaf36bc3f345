package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.ConnectRequest;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;

/**
 * connect(): TCP connect, key exchange, host key check and authentication, within the protocol's
 * connectTimeout (enforced by the client); the connection then belongs to the user.
 */
final class ConnectAction extends SshAction {
  private final String connectionName;
  private final String key;

  ConnectAction(SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("sshConnect", attributes.requestName(), components, ctx, next);
    this.connectionName = attributes.connectionName();
    this.key = UserState.connectionKey(connectionName);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    Validation<CompletableFuture<ConnectRequest>> resolved = components.connectRequest(session);
    if (failed(resolved)) {
      return propagate(resolved);
    }
    CompletableFuture<ConnectRequest> connectRequest = value(resolved);
    return success(() -> {
      long start = now();
      SshConnection existing = UserState.connection(session, connectionName);
      if (existing != null && existing.isOpen()) {
        done(session, request, start, start, new SshFailure(SshFailure.Step.CONNECT,
            "already connected: disconnect() first, or name another connection with connectionName(..)"));
        return;
      }
      CompletableFuture<SshConnection> connected = connectRequest
          .thenCompose(r -> components.connector().connect(r, session.eventLoop())
              .thenApply(connection -> {
                components.connected(r, connection);
                return connection;
              }));
      whenDone(session, connected, SshFailure.Step.CONNECT, (connection, failure, end) -> {
        if (failure != null) {
          done(session.remove(key), request, start, end, failure);
        } else {
          done(session.set(key, connection), request, start, end, (String) null);
        }
      });
    });
  }
}
