package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * MINA's "ssh-userauth" service, except that the first SSH_MSG_USERAUTH_REQUEST of a connection
 * goes through the {@link FaultInjector} ({@link Faults.Phase#AUTH}). Used only by servers with an
 * AUTH fault.
 */
final class FaultyUserAuthService extends ServerUserAuthService {

  private final FaultInjector injector;
  private boolean firstRequestSeen; // guarded by this (process is synchronized)

  private FaultyUserAuthService(Session session, FaultInjector injector) throws IOException {
    super(session);
    this.injector = injector;
  }

  /** Creates the service for each connection. */
  static ServerUserAuthServiceFactory factory(FaultInjector injector) {
    return new ServerUserAuthServiceFactory() {
      @Override
      public Service create(Session session) throws IOException {
        return new FaultyUserAuthService(session, injector);
      }
    };
  }

  @Override
  public synchronized void process(int cmd, Buffer buffer) throws Exception {
    if (cmd != SshConstants.SSH_MSG_USERAUTH_REQUEST || firstRequestSeen) {
      super.process(cmd, buffer);
      return;
    }
    firstRequestSeen = true;
    // MINA may reuse the buffer once this returns: a delayed request needs its own copy
    Buffer copy = new ByteArrayBuffer(buffer.getCompactData());
    if (injector.authRequest(getSession(), () -> super.process(cmd, copy))) {
      super.process(cmd, buffer);
    }
  }
}
