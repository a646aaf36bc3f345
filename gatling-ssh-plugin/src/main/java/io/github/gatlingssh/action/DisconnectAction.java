package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;

/**
 * disconnect(): sends SSH_MSG_DISCONNECT and closes the connection, with any command still running
 * on it.
 */
final class DisconnectAction extends SshAction {
  private final String connectionName;
  private final String connectionKey;
  private final String commandKeyPrefix;
  private final Duration timeout;

  DisconnectAction(
      SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("sshDisconnect", attributes.requestName(), components, ctx, next);
    this.connectionName = attributes.connectionName();
    this.connectionKey = UserState.connectionKey(connectionName);
    this.commandKeyPrefix = UserState.commandKey(connectionName, "");
    this.timeout = requestTimeout(attributes);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    return success(
        () -> {
          long start = now();
          SshConnection connection = UserState.connection(session, connectionName);
          Session without = forget(session);
          if (connection != null && connection.closedByServerAfterChannel()) {
            // the server already ended it, as it does after a channel: nothing left to disconnect
            done(without, request, start, start, (SshFailure) null);
            return;
          }
          SshFailure notConnected = UserState.notConnected(connection, connectionName);
          if (notConnected != null) {
            done(without, request, start, start, notConnected);
            return;
          }
          whenDone(
              session,
              connection.disconnect(timeout),
              SshFailure.Step.DISCONNECT,
              (ignored, failure, end) -> done(without, request, start, end, failure));
        });
  }

  /** The session without this connection and the commands started on it. */
  private Session forget(Session session) {
    Session s = session.remove(connectionKey);
    for (String k : scala.jdk.javaapi.CollectionConverters.asJava(session.attributes()).keySet()) {
      if (k.startsWith(commandKeyPrefix)) {
        s = s.remove(k);
      }
    }
    return s;
  }
}
