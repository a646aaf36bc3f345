package io.github.gatlingssh.client;

import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.session.Session;

/**
 * Why an authenticated connection was lost, when the client itself knows better than "the
 * connection closed": kept on MINA's session, so that the requests in flight on its channels can
 * say so in their KO message.
 */
public final class ConnectionLoss {
  private static final AttributeRepository.AttributeKey<String> REASON =
      new AttributeRepository.AttributeKey<>();

  private ConnectionLoss() {}

  /** Notes why {@code session} is being closed (the first reason wins). */
  static void note(Session session, String reason) {
    session.computeAttributeIfAbsent(REASON, k -> reason);
  }

  /**
   * Why {@code session} was lost, or null when the client has nothing more to say than that it
   * closed.
   */
  public static String reason(Session session) {
    return session.getAttribute(REASON);
  }
}
