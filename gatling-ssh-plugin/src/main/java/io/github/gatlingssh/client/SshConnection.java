package io.github.gatlingssh.client;

import io.github.gatlingssh.client.exec.ExecOptions;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.client.scp.ScpTransfer;
import io.github.gatlingssh.client.scp.ScpTransfers;
import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.SftpChannel;
import io.github.gatlingssh.client.sftp.SftpSettings;
import io.github.gatlingssh.client.sftp.UploadSource;
import io.github.gatlingssh.client.shell.PtySettings;
import io.github.gatlingssh.client.shell.RemoteShell;
import io.github.gatlingssh.client.tunnel.Tunnel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;

/**
 * One authenticated SSH connection of a virtual user, on which its channels open (see {@link
 * io.github.gatlingssh.client.channel.SshChannel}): exec, shell and direct-tcpip channels, one SFTP
 * channel that its SFTP requests share, and an exec channel per SCP transfer.
 */
public final class SshConnection {
  private final ClientSession session;
  private final Negotiated negotiated;
  private final ScheduledExecutorService timer;
  // the SFTP channel, opened by the first SFTP request and shared by the next ones
  private final AtomicReference<CompletableFuture<SftpChannel>> sftp = new AtomicReference<>();

  private final HandshakeTimes handshakeTimes;
  private final ConnectionEnd end;

  SshConnection(ClientSession session, Negotiated negotiated, ScheduledExecutorService timer) {
    this(session, negotiated, timer, null);
  }

  SshConnection(
      ClientSession session,
      Negotiated negotiated,
      ScheduledExecutorService timer,
      HandshakeTimes times) {
    this.session = session;
    this.negotiated = negotiated;
    this.timer = timer;
    this.handshakeTimes = times;
    this.end = ConnectionEnd.of(session);
  }

  /** When the handshake passed each phase (null when unknown), for {@code timePhases()}. */
  public HandshakeTimes handshakeTimes() {
    return handshakeTimes;
  }

  /** Whether the connection is still open (not closed, nor closing). */
  public boolean isOpen() {
    return isOpen(session);
  }

  /**
   * Whether {@code session} is still open: neither it nor its transport closed or closing. When the
   * socket fails, MINA closes the transport first (aborting its pending writes, which fails the
   * requests waiting on them) and the SSH session only after; a request failed by the first must
   * find the connection lost, as the next request must, whichever thread gets there first.
   */
  public static boolean isOpen(Session session) {
    // MINA's isOpen(): neither closed nor closing
    return session.isOpen() && session.getIoSession().isOpen();
  }

  /**
   * Whether the server closed this connection on its own after its channel ended (servers that
   * allow one channel per connection): see {@link ConnectionEnd}.
   */
  public boolean closedByServerAfterChannel() {
    return end.closedByServerAfterChannel();
  }

  /** The algorithms this connection negotiated. */
  public Negotiated negotiated() {
    return negotiated;
  }

  /**
   * Opens an exec channel and sends the command. Never throws: a failure to even start is reported
   * through the command's futures. Its deadlines run on the timer this connection was opened with.
   */
  public RemoteCommand exec(String command, Charset charset, int maxOutputLength) {
    return RemoteCommand.start(session, timer, command, charset, maxOutputLength);
  }

  /**
   * {@link #exec(String, Charset, int)} with a PTY, environment variables and stdin as {@code
   * options} say.
   */
  public RemoteCommand exec(
      String command, Charset charset, int maxOutputLength, ExecOptions options) {
    return RemoteCommand.start(session, timer, command, charset, maxOutputLength, options);
  }

  /**
   * Opens a session channel with a PTY and starts a shell. Never throws: failures come through the
   * shell's futures; its deadlines run on this connection's timer.
   */
  public RemoteShell shell(PtySettings pty, Charset charset, int maxOutputLength) {
    return RemoteShell.open(session, timer, pty, charset, maxOutputLength);
  }

  /**
   * Opens a direct-tcpip channel: the server connects to {@code host:port} for us. Never throws:
   * failures come through the tunnel's futures.
   */
  public Tunnel tunnel(String host, int port, Charset charset, int maxOutputLength) {
    return Tunnel.open(session, timer, host, port, charset, maxOutputLength);
  }

  /**
   * This connection's SFTP channel: the first call opens it (subsystem "sftp", version negotiated),
   * later calls share it, pipelining their requests on it. A channel that failed to open, or that
   * closed since (an abort, the server), is opened again by the next call. Never blocks.
   */
  public CompletableFuture<SftpChannel> sftp(SftpSettings settings) {
    while (true) {
      CompletableFuture<SftpChannel> current = sftp.get();
      if (current != null && usable(current)) {
        return current;
      }
      CompletableFuture<SftpChannel> fresh = new CompletableFuture<>();
      if (sftp.compareAndSet(current, fresh)) {
        SftpChannel.open(session, settings)
            .whenComplete(
                (channel, error) -> {
                  if (error != null) {
                    fresh.completeExceptionally(error);
                  } else {
                    fresh.complete(channel);
                  }
                });
        return fresh;
      }
    }
  }

  private static boolean usable(CompletableFuture<SftpChannel> channel) {
    return !channel.isDone() || (!channel.isCompletedExceptionally() && channel.join().isOpen());
  }

  /**
   * Uploads {@code source} to {@code remotePath} with the legacy SCP protocol ({@code scp -t}) on
   * an exec channel of its own. Never throws: failures come through the transfer's future.
   */
  public ScpTransfer scpUpload(UploadSource source, String remotePath) {
    return ScpTransfers.upload(session, timer, source, remotePath);
  }

  /**
   * Downloads {@code remotePath} into {@code sink} with the legacy SCP protocol ({@code scp -f}) on
   * an exec channel of its own. Never throws: failures come through the transfer's future.
   */
  public ScpTransfer scpDownload(String remotePath, DownloadSink sink) {
    return ScpTransfers.download(session, timer, remotePath, sink);
  }

  /** The timer of this connection's deadlines (a request's timeout), never to run anything slow. */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /**
   * Sends SSH_MSG_DISCONNECT and closes the connection (and any command still running on it). The
   * future completes when the connection is closed.
   */
  public CompletableFuture<Void> disconnect() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    boolean open = isOpen();
    if (open) {
      end.closedByClient();
    }
    session.addCloseFutureListener(f -> closed.complete(null));
    if (!open) {
      // lost (its transport may still be closing): nothing to send, finish closing it
      session.close(true);
      closed.complete(null);
      return closed;
    }
    try {
      // writes the DISCONNECT message, then closes the session once it is written
      session.disconnect(
          SshConstants.SSH2_DISCONNECT_BY_APPLICATION, "disconnected by gatling-ssh");
    } catch (IOException | RuntimeException e) {
      session.close(true);
    }
    return closed;
  }

  /**
   * {@link #disconnect()} within {@code timeout}: past it the connection is closed at once and the
   * future fails with a {@link SshFailure.Step#TIMEOUT} failure once it is closed.
   */
  public CompletableFuture<Void> disconnect(Duration timeout) {
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> closed =
        Deadline.bound(
            disconnect(),
            timeout,
            timer,
            () -> {
              timedOut.set(true);
              closeNow();
            });
    return closed.thenCompose(
        ignored ->
            timedOut.get()
                ? CompletableFuture.failedFuture(
                    new SshRequestException(
                        new SshFailure(
                            SshFailure.Step.TIMEOUT,
                            "disconnect not done within "
                                + Durations.format(timeout)
                                + "; connection closed")))
                : CompletableFuture.completedFuture(null));
  }

  /** Closes at once, without waiting for anything (end of a virtual user, end of the run). */
  public void closeNow() {
    end.closedByClient();
    session.close(true);
  }

  @Override
  public String toString() {
    return "SshConnection["
        + session.getUsername()
        + "@"
        + session.getConnectAddress()
        + ", open="
        + isOpen()
        + "]";
  }
}
