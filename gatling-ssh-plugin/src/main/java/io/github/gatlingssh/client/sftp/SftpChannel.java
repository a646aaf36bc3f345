package io.github.gatlingssh.client.sftp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * One SFTP session (protocol version 3) on an authenticated SSH connection: a {@code "sftp"}
 * subsystem channel on which any number of requests, from any threads, are in flight at once.
 *
 * <p>Every method returns at once; its future completes on a MINA I/O thread (or the JDK's file
 * channel pool) with the result or an {@link SftpException}: a status from the server ("sftp: no
 * such file: /x/y"), or "connection lost" when the channel or the connection closes first. No
 * future is ever left pending: closing or {@linkplain #abort aborting} the channel fails whatever
 * is still in flight. Completing a transfer's future from outside (a deadline) stops the transfer:
 * it sends no more requests and closes its remote handle.
 */
public final class SftpChannel {
  private final SftpSession session;

  SftpChannel(SftpSession session) {
    this.session = session;
  }

  /**
   * Opens the {@code "sftp"} subsystem on {@code session} and negotiates the protocol version (this
   * client speaks version 3, as OpenSSH does). Fails with "sftp: subsystem refused by server" when
   * the server has no SFTP, with "channel open: ..." when it refuses a channel.
   */
  public static CompletableFuture<SftpChannel> open(ClientSession session, SftpSettings settings) {
    return SftpSession.open(session, settings);
  }

  /**
   * The protocol version the server answered with (this client speaks 3; a server may offer more).
   */
  public int serverVersion() {
    return session.serverVersion();
  }

  /** The extensions the server announced in its VERSION message (name to data). */
  public Map<String, String> extensions() {
    return session.extensions();
  }

  /** How transfers are pipelined on this channel. */
  public SftpSettings settings() {
    return session.settings();
  }

  /** Whether requests can still be sent: the channel is open and was neither closed nor aborted. */
  public boolean isOpen() {
    return session.isOpen();
  }

  /** Requests sent and not yet answered on this channel, all transfers together. */
  public int inFlight() {
    return session.transport().inFlight();
  }

  /** The attributes of {@code path}, symbolic links followed (SSH_FXP_STAT). */
  public CompletableFuture<FileAttributes> stat(String path) {
    return pathRequest(SftpMessages.STAT, path, SftpMessages.ATTRS, FileAttributes::read);
  }

  /** The attributes of {@code path} itself, a symbolic link not followed (SSH_FXP_LSTAT). */
  public CompletableFuture<FileAttributes> lstat(String path) {
    return pathRequest(SftpMessages.LSTAT, path, SftpMessages.ATTRS, FileAttributes::read);
  }

  /** The server's canonical absolute form of {@code path} (SSH_FXP_REALPATH), e.g. of ".". */
  public CompletableFuture<String> realpath(String path) {
    return pathRequest(
        SftpMessages.REALPATH,
        path,
        SftpMessages.NAME,
        b -> {
          b.getInt(); // count, 1
          return b.getString();
        });
  }

  /** Creates the directory {@code path}, with the server's default permissions. */
  public CompletableFuture<Void> mkdir(String path) {
    int id = session.transport().nextId();
    byte[] p = utf8(path);
    Buffer b = SftpMessages.start(SftpMessages.MKDIR, id, 8 + p.length);
    b.putBytes(p);
    SftpMessages.putEmptyAttrs(b);
    return ok(id, SftpMessages.finish(b), path);
  }

  /** Removes the (empty) directory {@code path}. */
  public CompletableFuture<Void> rmdir(String path) {
    return simple(SftpMessages.RMDIR, path);
  }

  /** Removes the file {@code path}. */
  public CompletableFuture<Void> remove(String path) {
    return simple(SftpMessages.REMOVE, path);
  }

  /**
   * Renames {@code from} to {@code to} (SSH_FXP_RENAME: version 3 servers such as OpenSSH refuse
   * when {@code to} exists).
   */
  public CompletableFuture<Void> rename(String from, String to) {
    int id = session.transport().nextId();
    byte[] a = utf8(from);
    byte[] z = utf8(to);
    Buffer b = SftpMessages.start(SftpMessages.RENAME, id, 8 + a.length + z.length);
    b.putBytes(a);
    b.putBytes(z);
    return ok(id, SftpMessages.finish(b), from);
  }

  /** The names in directory {@code dir}, without "." and "..", in the server's order. */
  public CompletableFuture<List<DirEntry>> list(String dir) {
    return new DirLister(session, dir).start();
  }

  /**
   * Reads {@code path} to its end into {@code sink}, pipelined: up to {@code maxRequests} READs of
   * {@code chunkSize} in flight (slow start from one, as OpenSSH's sftp). Short reads are asked
   * again, replies in any order are put back in order before the sink sees them.
   */
  public CompletableFuture<TransferResult> download(String path, DownloadSink sink) {
    return new Download(session, path, sink).start();
  }

  /**
   * Writes {@code source} to {@code path}, pipelined: up to {@code maxRequests} WRITEs of {@code
   * chunkSize} in flight, each at its explicit offset. {@link WriteMode#OVERWRITE} creates or
   * truncates; {@link WriteMode#APPEND} creates or writes after the current end.
   */
  public CompletableFuture<TransferResult> upload(
      UploadSource source, String path, WriteMode mode) {
    return new Upload(session, source, path, mode).start();
  }

  /**
   * Fails every request in flight, and any sent later, with {@code step + ": " + detail} (e.g.
   * "timeout", "no reply within 5s"), and closes the channel without waiting. For deadlines.
   */
  public void abort(String step, String detail) {
    session.abort(SftpException.of(step, null, detail));
  }

  /**
   * Closes the channel politely (SSH_MSG_CHANNEL_CLOSE). Requests still in flight fail with "sftp:
   * channel closed by the client". The future completes when the channel is closed.
   */
  public CompletableFuture<Void> close() {
    return session.close();
  }

  /**
   * Sends the request {@code type} on {@code path}; its reply of {@code replyType} is parsed by
   * {@code parse}, a STATUS fails the future.
   */
  private <T> CompletableFuture<T> pathRequest(
      int type, String path, int replyType, Function<Buffer, T> parse) {
    CompletableFuture<T> f = new CompletableFuture<>();
    int id = session.transport().nextId();
    session
        .transport()
        .send(
            id,
            SftpMessages.pathRequest(type, id, utf8(path)),
            Replies.expect(replyType, path, f, parse));
    return f;
  }

  private CompletableFuture<Void> simple(int type, String path) {
    int id = session.transport().nextId();
    return ok(id, SftpMessages.pathRequest(type, id, utf8(path)), path);
  }

  private CompletableFuture<Void> ok(int id, Buffer message, String path) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    session.transport().send(id, message, Replies.ok(path, f));
    return f;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SftpChannel[version="
        + serverVersion()
        + ", open="
        + isOpen()
        + ", inFlight="
        + inFlight()
        + "]";
  }
}
