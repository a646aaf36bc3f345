package io.github.gatlingssh.client;

import java.lang.reflect.Field;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.common.util.logging.AbstractLoggingBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps MINA's logger name on {@link LeanClientSession}. MINA names a session's logger after its
 * class, so a subclass of ours would log MINA's session messages (a line per disconnect at INFO,
 * hex dumps of every packet, passwords included, at TRACE) under {@code io.github.gatlingssh}:
 * configurations that quiet {@code org.apache.sshd} and show gatling-ssh's INFO would print them.
 * MINA offers no way to pass a session its logger, hence the field is set here, once per session.
 */
final class MinaLogger {
  private static final Logger SESSION_LOG = LoggerFactory.getLogger(ClientSessionImpl.class);
  private static final Field LOG = logField();

  private MinaLogger() {}

  private static Field logField() {
    try {
      Field field = AbstractLoggingBean.class.getDeclaredField("log");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // MINA on the module path, or renamed: the session logs under its own class
    }
  }

  /** Makes {@code session} log as MINA's {@link ClientSessionImpl} does. */
  static void keep(ClientSessionImpl session) {
    if (LOG == null) {
      return;
    }
    try {
      LOG.set(session, SESSION_LOG);
    } catch (IllegalAccessException | RuntimeException e) {
      // the session then logs under its own class name: harmless
    }
  }
}
