package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.stats.OK$;
import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.ConnectRequest;
import io.github.gatlingssh.client.HandshakeTimes;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.SshComponents;
import java.util.concurrent.CompletableFuture;
import scala.Option;

/**
 * connect(): TCP connect, key exchange, host key check and authentication, within the protocol's
 * connectTimeout (enforced by the client); the connection then belongs to the user.
 */
final class ConnectAction extends SshAction {
  private final String connectionName;
  private final String key;
  private final boolean timePhases;

  /**
   * @param timePhases also log "<name> tcp", "<name> kex" and "<name> auth" when it succeeds
   */
  ConnectAction(
      SshAttributes attributes,
      boolean timePhases,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super("sshConnect", attributes.requestName(), components, ctx, next);
    this.timePhases = timePhases;
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
    return success(
        () -> {
          long start = now();
          long startNanos = System.nanoTime();
          SshConnection existing = UserState.connection(session, connectionName);
          if (existing != null && existing.isOpen()) {
            refuse(
                session,
                request,
                start,
                SshFailure.Step.CONNECT,
                "already connected: disconnect() first, or name another connection with connectionName(..)");
            return;
          }
          CompletableFuture<SshConnection> connected =
              connectRequest.thenCompose(
                  r ->
                      components
                          .connector()
                          .connect(r, session.eventLoop())
                          .thenApply(
                              connection -> {
                                components.connected(r, connection);
                                return connection;
                              }));
          whenDone(
              session,
              connected,
              SshFailure.Step.CONNECT,
              (connection, failure, end) -> {
                if (failure == null && timePhases) {
                  logPhases(session, request, start, startNanos, end, connection.handshakeTimes());
                }
                keepOrFail(session, key, connection, request, start, end, failure);
              });
        });
  }

  /**
   * Logs the handshake's phases as three OK requests next to the connect: TCP connect (from the
   * request's start), key exchange with the host key check, and authentication. They are mapped
   * from the client's monotonic clock onto Gatling's from the request's start, and bounded by its
   * end, so together they never exceed the connect request.
   */
  private void logPhases(
      Session session, String request, long start, long startNanos, long end, HandshakeTimes t) {
    if (t == null) {
      return;
    }
    long tcp = Math.min(end, start + Math.max(0, (t.tcpConnected() - startNanos) / 1_000_000));
    long kex = Math.min(end, Math.max(tcp, start + (t.keyEstablished() - startNanos) / 1_000_000));
    long auth = Math.min(end, Math.max(kex, start + (t.authenticated() - startNanos) / 1_000_000));
    logOk(session, request + " tcp", start, tcp);
    logOk(session, request + " kex", tcp, kex);
    logOk(session, request + " auth", kex, auth);
  }

  private void logOk(Session session, String name, long start, long end) {
    statsEngine()
        .logResponse(
            session.scenario(),
            session.groups(),
            name,
            start,
            end,
            OK$.MODULE$,
            Option.empty(),
            Option.empty());
  }
}
