package io.github.gatlingssh.client;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;

/** One authenticated SSH connection of a virtual user, on which commands run as exec channels. */
public final class SshConnection {
  private final ClientSession session;
  private final Negotiated negotiated;

  SshConnection(ClientSession session, Negotiated negotiated) {
    this.session = session;
    this.negotiated = negotiated;
  }

  public boolean isOpen() {
    return session.isOpen() && !session.isClosing();
  }

  public Negotiated negotiated() {
    return negotiated;
  }

  /**
   * Opens an exec channel and sends the command. Never throws: a failure to even start is reported
   * through the command's futures.
   */
  public RemoteCommand exec(String command, Charset charset, int maxOutputLength) {
    return RemoteCommand.start(session, command, charset, maxOutputLength);
  }

  /**
   * Sends SSH_MSG_DISCONNECT and closes the connection (and any command still running on it). The
   * future completes when the connection is closed.
   */
  public CompletableFuture<Void> disconnect() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    session.addCloseFutureListener(f -> closed.complete(null));
    if (!session.isOpen()) {
      closed.complete(null);
      return closed;
    }
    try {
      // writes the DISCONNECT message, then closes the session once it is written
      session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, "disconnected by gatling-ssh");
    } catch (IOException | RuntimeException e) {
      session.close(true);
    }
    return closed;
  }

  /** Closes at once, without waiting for anything (end of a virtual user, end of the run). */
  public void closeNow() {
    session.close(true);
  }

  @Override
  public String toString() {
    return "SshConnection[" + session.getUsername() + "@" + session.getConnectAddress() + ", open=" + isOpen() + "]";
  }
}
