package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.Readable;
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
 *
 * <p>With {@link Faults}, every connection goes through a {@link FaultInjector}: its input passes
 * an {@link InputGate}, and a connection may have no SSH session at all (stalled or closed before
 * the banner, or waiting for a delayed one).
 */
final class EmbeddedSessionFactory extends SessionFactory {

  private final FaultInjector faults; // null: a well-behaved server

  EmbeddedSessionFactory(SshServer server) {
    this(server, null);
  }

  EmbeddedSessionFactory(SshServer server, FaultInjector faults) {
    super(server);
    this.faults = faults;
  }

  @Override
  public void sessionCreated(IoSession ioSession) throws Exception {
    if (faults == null) {
      super.sessionCreated(ioSession);
      return;
    }
    faults.accepted(
        ioSession,
        bytes -> super.messageReceived(ioSession, bytes),
        () -> super.sessionCreated(ioSession));
  }

  @Override
  public void messageReceived(IoSession ioSession, Readable message) throws Exception {
    InputGate gate = FaultInjector.gate(ioSession);
    if (gate == null) {
      super.messageReceived(ioSession, message);
    } else {
      gate.received(message);
    }
  }

  @Override
  public void sessionClosed(IoSession ioSession) throws Exception {
    InputGate gate = FaultInjector.gate(ioSession);
    if (gate != null) {
      gate.drop();
      if (AbstractSession.getSession(ioSession, true) == null) {
        return; // no SSH session (yet): nothing else to close
      }
    }
    super.sessionClosed(ioSession);
  }

  @Override
  public void exceptionCaught(IoSession ioSession, Throwable cause) throws Exception {
    AbstractSession session = AbstractSession.getSession(ioSession, true);
    if (session == null && FaultInjector.gate(ioSession) != null) {
      log.debug("Connection without SSH session failed ({}): {}", ioSession, String.valueOf(cause));
      ioSession.close(true);
      return;
    }
    if (session == null || !(cause instanceof IOException) || cause instanceof SshException) {
      super.exceptionCaught(ioSession, cause); // protocol errors keep MINA's handling and WARN
      return;
    }
    log.debug("Client connection lost ({}): {}", session, String.valueOf(cause));
    session.close(true);
  }
}
