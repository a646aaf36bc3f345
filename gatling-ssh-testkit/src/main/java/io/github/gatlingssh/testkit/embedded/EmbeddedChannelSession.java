package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommandStreamsAware;
import org.apache.sshd.server.command.Command;

/**
 * The server's "session" channel, adding what MINA's {@link ChannelSession} lacks:
 *
 * <ul>
 *   <li>{@code exit-signal}: MINA's server only ever sends {@code exit-status} (from {@code
 *       ExitCallback.onExit} via {@code closeShell}). A command that calls {@link
 *       #exitSignal(String)} before {@code onExit} gets an {@code exit-signal} request in place of
 *       {@code exit-status}, keeping MINA's own order: EOF, exit request, CLOSE.
 *   <li>a per-connection limit of open session channels, refused like OpenSSH's {@code MaxSessions}
 *       with {@code SSH_OPEN_ADMINISTRATIVELY_PROHIBITED}, the connection staying usable. (MINA's
 *       own {@code max-sshd-channels} throws inside channel registration instead, and MINA replaces
 *       the failure message with "Generic error while opening channel: N".)
 *   <li>prompt cancellation: when the client closes the channel, pending output is dropped at once.
 *       MINA would first finish the pending write, which never happens if the client stopped
 *       reading and the window is exhausted, so our CLOSE would never be sent and the client's
 *       close would hang.
 *   <li>no WARN per channel for output dropped that way ("still have N bytes ... on closing
 *       channel").
 * </ul>
 */
final class EmbeddedChannelSession extends ChannelSession {

  private static final AttributeKey<AtomicInteger> OPEN_SESSIONS = new AttributeKey<>();

  private final int maxSessionsPerConnection;
  private final AtomicBoolean slotReleased = new AtomicBoolean();
  private volatile AtomicInteger openSessions;
  private volatile String exitSignal;

  EmbeddedChannelSession(int maxSessionsPerConnection) {
    this.maxSessionsPerConnection = maxSessionsPerConnection;
  }

  /** Creates {@link EmbeddedChannelSession}s for the {@code "session"} channel type. */
  static ChannelFactory factory(int maxSessionsPerConnection) {
    return new ChannelFactory() {
      @Override
      public String getName() {
        return "session";
      }

      @Override
      public Channel createChannel(Session session) {
        return new EmbeddedChannelSession(maxSessionsPerConnection);
      }
    };
  }

  /**
   * @return the session channels open (or being opened) on {@code session}'s connection, as counted
   *     for the per-connection limit: a channel stops counting when it starts closing
   */
  static int openSessionChannels(Session session) {
    AtomicInteger open = session.getAttribute(OPEN_SESSIONS);
    return open == null ? 0 : open.get();
  }

  /**
   * Makes the coming exit report {@code signal} (an RFC 4254 name without "SIG", e.g. {@code KILL})
   * instead of an exit status. Call before invoking the command's exit callback.
   */
  void exitSignal(String signal) {
    this.exitSignal = signal;
  }

  @Override
  public OpenFuture open(long recipient, long rwSize, long packetSize, Buffer buffer) {
    AtomicInteger open =
        getSession().computeAttributeIfAbsent(OPEN_SESSIONS, k -> new AtomicInteger());
    if (open.incrementAndGet() > maxSessionsPerConnection) {
      open.decrementAndGet();
      OpenFuture refused = new DefaultOpenFuture(this, futureLock);
      refused.setException(
          new SshChannelOpenException(
              getChannelId(), SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "open failed"));
      // Registered but never opened: an immediate close only unregisters it, it sends nothing.
      close(true);
      return refused;
    }
    openSessions = open;
    return super.open(recipient, rwSize, packetSize, buffer);
  }

  /**
   * Frees the session slot as soon as closing starts. Waiting for the close future would race with
   * the client, which may open the next channel as soon as it sees our CLOSE, before the close
   * future completes.
   */
  @Override
  protected void preClose() {
    AtomicInteger open = openSessions;
    if (open != null && slotReleased.compareAndSet(false, true)) {
      open.decrementAndGet();
    }
    super.preClose();
  }

  @Override
  protected Command prepareCommand(String requestType, Command command) throws IOException {
    Command prepared = super.prepareCommand(requestType, command);
    if (prepared instanceof AsyncCommandStreamsAware && asyncOut != null) {
      // replace the streams MINA just created (they hold no resources yet) with quiet ones
      asyncOut = new QuietAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
      asyncErr = new QuietAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_EXTENDED_DATA);
      ((AsyncCommandStreamsAware) prepared).setIoOutputStream(asyncOut);
      ((AsyncCommandStreamsAware) prepared).setIoErrorStream(asyncErr);
    }
    return prepared;
  }

  @Override
  public void handleClose() throws IOException {
    // The client reads nothing more: stop the command, then drop its pending output (see class doc)
    Command command = commandInstance;
    if (command != null) {
      try {
        command.destroy(this);
      } catch (Exception e) {
        log.debug("handleClose({}) destroying the command failed: {}", this, String.valueOf(e));
      }
    }
    if (asyncOut != null) {
      asyncOut.close(true);
      asyncErr.close(true);
    }
    super.handleClose();
  }

  @Override
  protected void sendExitStatus(int exitValue) throws IOException {
    String signal = exitSignal;
    if (signal == null) {
      super.sendExitStatus(exitValue);
      return;
    }
    if (exitStatusSent.getAndSet(true)) {
      return;
    }
    // RFC 4254 section 6.10
    Buffer buffer = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
    buffer.putUInt(getRecipient());
    buffer.putString("exit-signal");
    buffer.putBoolean(false); // want-reply
    buffer.putString(signal);
    buffer.putBoolean(false); // core dumped
    buffer.putString(""); // error message
    buffer.putString(""); // language tag
    writePacket(buffer);
    notifyStateChanged("exit-signal");
  }

  /**
   * Drops output still pending at an immediate close without MINA's WARN, which is routine here.
   * The byte count MINA would report is a protected field of a protected nested class, so it is
   * cleared by reflection; should that fail, MINA's WARN simply comes back.
   */
  private static final class QuietAsyncOutputStream extends ChannelAsyncOutputStream {
    private static final Field TO_SEND = toSendField();

    QuietAsyncOutputStream(Channel channel, byte cmd) {
      super(channel, cmd);
    }

    @Override
    protected void shutdown() {
      if (TO_SEND != null) {
        synchronized (writeState) {
          try {
            TO_SEND.setInt(writeState, 0);
          } catch (IllegalAccessException | RuntimeException e) {
            // keep MINA's behaviour
          }
        }
      }
      super.shutdown();
    }

    private static Field toSendField() {
      try {
        Field field = WriteState.class.getDeclaredField("toSend");
        field.setAccessible(true);
        return field;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }
}
