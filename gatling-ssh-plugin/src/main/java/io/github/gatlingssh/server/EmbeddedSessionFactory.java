package io.github.gatlingssh.server;

import java.io.IOException;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.SessionFactory;

/**
 * MINA's session factory, except that a client vanishing (connection reset, broken pipe) is treated
 * as the routine event it is in a load test. MINA logs each one as a WARN with a stack trace; here
 * the session is closed at once, as MINA would, and the event is logged at DEBUG.
 *
 * <p>This hooks the I/O handler rather than subclassing the session, because MINA names a session's
 * logger after its class: a subclass in this package would move every per-session INFO line of MINA
 * ("Session user@address authenticated") out of {@code org.apache.sshd} and into this plugin's
 * loggers.
 */
final class EmbeddedSessionFactory extends SessionFactory {

  EmbeddedSessionFactory(SshServer server) {
    super(server);
  }

  @Override
  public void exceptionCaught(IoSession ioSession, Throwable cause) throws Exception {
    AbstractSession session = AbstractSession.getSession(ioSession, true);
    if (session == null || !(cause instanceof IOException) || cause instanceof SshException) {
      super.exceptionCaught(ioSession, cause); // protocol errors keep MINA's handling and WARN
      return;
    }
    log.debug("Client connection lost ({}): {}", session, String.valueOf(cause));
    session.close(true);
  }
}
