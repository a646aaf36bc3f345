package io.github.gatlingssh.action;

import io.gatling.core.session.Session;
import io.github.gatlingssh.client.ConnectionEnd;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.RemoteCommand;
import scala.Option;

/**
 * Where a virtual user keeps its SSH state, in its Gatling session: its connections (by connection
 * name) and the commands it started and has not awaited yet (by connection and channel name).
 */
public final class UserState {
  private static final String PREFIX = "gatling.ssh.";

  private UserState() {}

  /** The session attribute of the connection of that name. */
  public static String connectionKey(String connectionName) {
    return PREFIX + "connection." + connectionName;
  }

  /**
   * The session attribute of the command started (not awaited yet) on that connection and channel.
   */
  public static String commandKey(String connectionName, String channelName) {
    return PREFIX + "command." + connectionName + "." + channelName;
  }

  /** The user's connection of that name, open or not, or null. */
  public static SshConnection connection(Session session, String connectionName) {
    Option<Object> value = session.attributes().get(connectionKey(connectionName));
    return value.isDefined() ? (SshConnection) value.get() : null;
  }

  /**
   * The command the user started on that connection and channel and has not awaited yet, or null.
   */
  public static RemoteCommand command(Session session, String connectionName, String channelName) {
    Option<Object> value = session.attributes().get(commandKey(connectionName, channelName));
    return value.isDefined() ? (RemoteCommand) value.get() : null;
  }

  /** Why a request cannot run on this connection, or null when it is open. */
  public static SshFailure notConnected(SshConnection connection, String connectionName) {
    if (connection == null) {
      return new SshFailure(
          SshFailure.Step.NOT_CONNECTED,
          "no SSH connection"
              + (connectionName.equals(SshAttributes.DEFAULT_NAME)
                  ? ""
                  : " named '" + connectionName + "'")
              + " for this virtual user: add ssh(..).connect() before this request (and check that it succeeded)");
    }
    if (!connection.isOpen() && connection.closedByServerAfterChannel()) {
      return new SshFailure(
          SshFailure.Step.NOT_CONNECTED, ConnectionEnd.SERVER_CLOSED_AFTER_CHANNEL);
    }
    if (!connection.isOpen()) {
      return new SshFailure(
          SshFailure.Step.NOT_CONNECTED, "the SSH connection was lost or closed: connect() again");
    }
    return null;
  }
}
