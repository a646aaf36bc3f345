package io.github.gatlingssh.client.sftp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a download and an upload share: the remote handle's life (OPEN; CLOSE after the last byte; a
 * best-effort CLOSE after a failure or a deadline), the local side's close, the timings and the
 * {@link TransferResult}.
 */
abstract class Transfer {
  final SftpSession session;
  final String path;
  final CompletableFuture<TransferResult> result = new CompletableFuture<>();
  final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();
  private final AtomicBoolean cleaned = new AtomicBoolean();
  volatile byte[] handle;
  private volatile long openNanos;

  Transfer(SftpSession session, String path) {
    this.session = session;
    this.path = path;
  }

  /** Closes the local side (file, digests), if it was opened; may be called twice. */
  abstract void closeLocal();

  /** MD5 of the bytes transferred, read after {@link #closeLocal()}; null by default. */
  byte[] md5() {
    return null;
  }

  /** SHA-1 of the bytes transferred, read after {@link #closeLocal()}; null by default. */
  byte[] sha1() {
    return null;
  }

  /** The bytes kept for checks, read after {@link #closeLocal()}; none by default. */
  byte[] kept() {
    return new byte[0];
  }

  /**
   * Opens the remote file with {@code pflags}, keeps its handle and passes it on to {@code opened}.
   * From here on a failure, or a caller's deadline completing the future, stops the transfer and
   * frees its handle.
   */
  final void open(int pflags, Consumer<byte[]> opened) {
    result.whenComplete(
        (r, e) -> {
          if (e != null) {
            cleanup();
          }
        });
    session
        .openHandle(path, pflags)
        .whenComplete(
            Replies.orFail(
                result,
                h -> {
                  handle = h;
                  opened.accept(h);
                }));
  }

  /**
   * Notes the open time once the file is ready for data; false (and the handle freed) when the
   * deadline passed while it was opening.
   */
  final boolean ready() {
    openNanos = System.nanoTime() - startNanos;
    if (result.isDone()) {
      cleanup();
      return false;
    }
    return true;
  }

  /** After the last byte: CLOSE, close the local side, then complete with what was done. */
  final void close(long bytes, long firstByteNanos) {
    session
        .closeHandle(handle, path)
        .whenComplete(
            (v, e) -> {
              closeLocal();
              if (e != null) {
                result.completeExceptionally(e);
                return;
              }
              long total = System.nanoTime() - startNanos;
              result.complete(
                  new TransferResult(
                      path,
                      bytes,
                      md5(),
                      sha1(),
                      kept(),
                      startMillis,
                      startMillis + total / 1_000_000,
                      openNanos,
                      firstByteNanos,
                      total));
            });
  }

  /** A failure of the local file {@code file}: {@code verb} is "read" or "write". */
  static SftpException localFailure(String verb, Object file, Throwable t) {
    return SftpException.of(
        SftpException.SFTP,
        String.valueOf(file),
        "cannot " + verb + " local file " + file + " (" + SftpTransport.describe(t) + ")");
  }

  /** After a failure or a deadline: close the local side and, if the channel lives, the handle. */
  private void cleanup() {
    if (!cleaned.compareAndSet(false, true)) {
      return;
    }
    closeLocal();
    byte[] h = handle;
    if (h != null && session.isOpen()) {
      session.closeHandle(h, path); // best effort; its outcome changes nothing
    }
  }
}
