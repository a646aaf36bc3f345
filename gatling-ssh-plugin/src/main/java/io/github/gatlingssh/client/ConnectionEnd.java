package io.github.gatlingssh.client;

import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.session.Session;

/**
 * How an authenticated connection ended, as far as its channels tell: so that every request on a
 * connection that a server closed after its channel ended gets the same outcome.
 *
 * <p>Some servers (tinysshd, many appliances) allow one session channel per connection and close
 * the connection as soon as it ends. Whether the user's next request finds the connection still
 * open or already closed is a race between that close and the user's event loop; with this record
 * of how it ended, a disconnect is OK and any other request says the server closed the connection
 * after its channel, whichever came first.
 *
 * <p>One per connection, created with the {@link SshConnection} and found by its channels through
 * the MINA session (the reference is kept: MINA clears a session's attributes when it closes).
 */
public final class ConnectionEnd {
  private static final AttributeRepository.AttributeKey<ConnectionEnd> KEY =
      new AttributeRepository.AttributeKey<>();

  /** What a request on a connection the server closed after its channel ended is told. */
  public static final String SERVER_CLOSED_AFTER_CHANNEL =
      "the server closed the connection after its channel"
          + " ended (it allows one channel per connection, as tinysshd does): connect() again";

  private final Session session;
  private volatile boolean closedByClient;
  private volatile boolean channelEnded;
  private volatile boolean channelCut;

  private ConnectionEnd(Session session) {
    this.session = session;
  }

  /**
   * The record of {@code session}, created on first use; null when the session's attributes are
   * gone (closed).
   */
  public static ConnectionEnd of(Session session) {
    return session.isOpen()
        ? session.computeAttributeIfAbsent(KEY, k -> new ConnectionEnd(session))
        : session.getAttribute(KEY);
  }

  /** The client itself closes the connection (disconnect, end of the user or of the run). */
  void closedByClient() {
    closedByClient = true;
  }

  /**
   * A channel of ours closed: {@code ended} when the server ended its side (EOF) or it closed while
   * the connection was open; else it was cut by the connection's end (a command still running).
   */
  public void channelClosed(boolean ended) {
    if (ended) {
      channelEnded = true;
    } else {
      channelCut = true;
    }
  }

  /** Whether a channel of ours on this connection ended (its server side ended it). */
  public boolean channelEnded() {
    return channelEnded;
  }

  /**
   * Whether the server closed the connection on its own after a channel of ours ended, with no
   * channel of ours cut and nothing else known to have gone wrong (a keepalive loss): the
   * connection did what the server allows; it was not lost.
   */
  public boolean closedByServerAfterChannel() {
    return !SshConnection.isOpen(session)
        && channelEnded
        && !channelCut
        && !closedByClient
        && ConnectionLoss.reason(session) == null;
  }
}
