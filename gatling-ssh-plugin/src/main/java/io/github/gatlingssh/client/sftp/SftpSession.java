package io.github.gatlingssh.client.sftp;

import io.github.gatlingssh.client.SshConnection;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * The life of one SFTP channel: open the subsystem channel, see the subsystem accepted, send INIT,
 * take VERSION; then carry requests until the channel closes, and fail what is in flight when it
 * does. Also the handle requests transfers and listings share (OPEN, OPENDIR, CLOSE).
 */
final class SftpSession {
  private final ClientSession ssh;
  private final SubsystemChannel channel;
  private final SftpSettings settings;
  private final CompletableFuture<SftpChannel> opened = new CompletableFuture<>();
  private volatile SftpTransport transport;
  private volatile int serverVersion;
  private volatile Map<String, String> extensions = Map.of();

  private SftpSession(ClientSession ssh, SftpSettings settings) {
    this.ssh = ssh;
    this.settings = settings;
    this.channel = new SubsystemChannel("sftp");
  }

  static CompletableFuture<SftpChannel> open(ClientSession ssh, SftpSettings settings) {
    SftpSession s = new SftpSession(ssh, java.util.Objects.requireNonNull(settings, "settings"));
    // a failed open, or a caller's deadline completing the future, must not leave the channel open
    s.opened.whenComplete(
        (c, e) -> {
          if (e != null) {
            s.abort(SftpException.from(e));
          }
        });
    s.start();
    return s.opened;
  }

  private void start() {
    if (!SshConnection.isOpen(ssh)) {
      opened.completeExceptionally(
          SftpException.of(SftpException.CONNECTION_LOST, null, "the connection is closed"));
      return;
    }
    try {
      ssh.getService(ConnectionService.class).registerChannel(channel);
      // the open listener first: a refusal can come before the close listener is added
      channel
          .open()
          .addListener(
              f -> {
                if (f.isOpened()) {
                  onOpened();
                } else {
                  opened.completeExceptionally(openFailure(f.getException()));
                }
              });
      channel.addCloseFutureListener(f -> onClosed());
    } catch (IOException | RuntimeException e) {
      opened.completeExceptionally(openFailure(e));
    }
  }

  private SftpException openFailure(Throwable t) {
    if (!SshConnection.isOpen(ssh)) {
      return SftpException.of(
          SftpException.CONNECTION_LOST,
          null,
          "the connection closed (" + SftpTransport.describe(t) + ")");
    }
    if (t instanceof SshChannelOpenException e) {
      return SftpException.of(
          "channel open",
          null,
          "refused by server ("
              + SshConstants.getOpenErrorCodeName(e.getReasonCode())
              + ": "
              + e.getMessage()
              + ")");
    }
    return SftpException.of("channel open", null, SftpTransport.describe(t));
  }

  private void onOpened() {
    SftpTransport t =
        new SftpTransport(
            channel.getAsyncIn(),
            channel.getAsyncOut(),
            this::onVersion,
            () -> channel.close(false),
            () -> channel.getRemoteWindow().getPacketSize());
    transport = t;
    t.startReading();
    SftpReader.discard(channel.getAsyncErr());
    channel
        .accepted()
        .thenAccept(
            accepted -> {
              if (accepted) {
                t.write(SftpMessages.init());
              } else {
                abort(SftpException.of(SftpException.SFTP, null, "subsystem refused by server"));
              }
            });
  }

  private void onVersion(Buffer body) {
    int version = body.getInt();
    Map<String, String> ext = new LinkedHashMap<>();
    while (body.available() >= 8) {
      ext.put(body.getString(), body.getString());
    }
    serverVersion = version;
    extensions = Collections.unmodifiableMap(ext);
    if (version < SftpMessages.VERSION_3) {
      abort(
          SftpException.of(
              SftpException.SFTP,
              null,
              "server speaks SFTP version " + version + ", this client needs 3"));
      return;
    }
    opened.complete(new SftpChannel(this));
  }

  private void onClosed() {
    boolean connectionOpen = SshConnection.isOpen(ssh);
    SftpException reason =
        SftpException.of(
            SftpException.CONNECTION_LOST,
            null,
            connectionOpen ? "the sftp channel closed" : "the connection closed");
    SftpTransport t = transport;
    if (t != null) {
      t.fail(reason);
    }
    opened.completeExceptionally(reason);
  }

  SftpTransport transport() {
    SftpTransport t = transport;
    if (t == null) {
      throw new IllegalStateException(
          "sftp channel not open yet"); // SftpChannel exists only once open
    }
    return t;
  }

  SftpSettings settings() {
    return settings;
  }

  int serverVersion() {
    return serverVersion;
  }

  Map<String, String> extensions() {
    return extensions;
  }

  boolean isOpen() {
    SftpTransport t = transport;
    return t != null && t.closedReason() == null && channel.isOpen() && !channel.isClosing();
  }

  void abort(SftpException reason) {
    SftpTransport t = transport;
    if (t != null) {
      t.fail(reason);
    }
    opened.completeExceptionally(reason);
    channel.close(false); // CHANNEL_CLOSE, so the server frees the channel; nothing waits for it
  }

  CompletableFuture<Void> close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channel.addCloseFutureListener(f -> closed.complete(null));
    abort(SftpException.of(SftpException.SFTP, null, "channel closed by the client"));
    return closed;
  }

  /** SSH_FXP_OPEN with empty attributes: completes with the handle. */
  CompletableFuture<byte[]> openHandle(String path, int pflags) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    SftpTransport t = transport();
    int id = t.nextId();
    byte[] p = SftpChannel.utf8(path);
    Buffer b = SftpMessages.start(SftpMessages.OPEN, id, 12 + p.length);
    b.putBytes(p);
    b.putInt(pflags);
    SftpMessages.putEmptyAttrs(b);
    t.send(
        id, SftpMessages.finish(b), Replies.expect(SftpMessages.HANDLE, path, f, Replies::handle));
    return f;
  }

  /** SSH_FXP_OPENDIR: completes with the handle. */
  CompletableFuture<byte[]> openDir(String path) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    SftpTransport t = transport();
    int id = t.nextId();
    t.send(
        id,
        SftpMessages.pathRequest(SftpMessages.OPENDIR, id, SftpChannel.utf8(path)),
        Replies.expect(SftpMessages.HANDLE, path, f, Replies::handle));
    return f;
  }

  /** SSH_FXP_CLOSE of a file or directory handle. */
  CompletableFuture<Void> closeHandle(byte[] handle, String path) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    SftpTransport t = transport();
    int id = t.nextId();
    t.send(id, SftpMessages.pathRequest(SftpMessages.CLOSE, id, handle), Replies.ok(path, f));
    return f;
  }

  /** SSH_FXP_FSTAT of an open handle. */
  CompletableFuture<FileAttributes> fstat(byte[] handle, String path) {
    CompletableFuture<FileAttributes> f = new CompletableFuture<>();
    SftpTransport t = transport();
    int id = t.nextId();
    t.send(
        id,
        SftpMessages.pathRequest(SftpMessages.FSTAT, id, handle),
        Replies.expect(SftpMessages.ATTRS, path, f, FileAttributes::read));
    return f;
  }
}
