package io.github.gatlingssh.client.sftp;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * One pipelined upload: OPEN for writing (created, truncated for {@link WriteMode#OVERWRITE}; for
 * {@link WriteMode#APPEND}, FSTAT gives the end to write after), WRITE requests of {@code
 * chunkSize} at explicit offsets with up to {@code maxRequests} in flight, each chunk read from the
 * source straight into the message MINA sends; then CLOSE. Memory per upload is bounded by {@code
 * maxRequests * chunkSize}.
 *
 * <p>State is guarded by {@code this}; requests are sent and futures completed outside the lock.
 */
final class Upload {
  private final SftpSession session;
  private final UploadSource source;
  private final String path;
  private final WriteMode mode;
  private final int chunkSize;
  private final int maxRequests;
  private final CompletableFuture<TransferResult> result = new CompletableFuture<>();
  private final AtomicBoolean cleaned = new AtomicBoolean();
  private final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();
  private volatile UploadSource.Reader reader;
  private volatile byte[] handle;
  private volatile long base; // the remote offset of the source's first byte
  private volatile long openNanos;
  private long firstAckNanos = -1;
  private long nextOffset;
  private long acked;
  private int inFlight;
  private boolean finishing;

  Upload(SftpSession session, UploadSource source, String path, WriteMode mode) {
    this.session = session;
    this.source = source;
    this.path = path;
    this.mode = mode;
    this.chunkSize = session.settings().chunkSize();
    this.maxRequests = session.settings().maxRequests();
  }

  CompletableFuture<TransferResult> start() {
    try {
      reader = source.open();
    } catch (UncheckedIOException e) {
      result.completeExceptionally(localFailure(e.getCause()));
      return result;
    }
    result.whenComplete(
        (r, e) -> {
          if (e != null) {
            cleanup();
          }
        });
    int flags =
        SftpMessages.FXF_WRITE
            | SftpMessages.FXF_CREAT
            | (mode == WriteMode.OVERWRITE ? SftpMessages.FXF_TRUNC : 0);
    session
        .openHandle(path, flags)
        .whenComplete(
            (h, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
                return;
              }
              handle = h;
              if (mode == WriteMode.APPEND) {
                session
                    .fstat(h, path)
                    .whenComplete(
                        (attrs, fe) -> {
                          if (fe != null) {
                            result.completeExceptionally(fe);
                            return;
                          }
                          base = attrs.size() == null ? 0 : attrs.size();
                          opened();
                        });
              } else {
                opened();
              }
            });
    return result;
  }

  private void opened() {
    openNanos = System.nanoTime() - startNanos;
    if (result.isDone()) {
      cleanup(); // the deadline passed while the file was opening
    } else if (reader.size == 0) {
      finish();
    } else {
      pump();
    }
  }

  private void pump() {
    List<long[]> toSend = new ArrayList<>();
    synchronized (this) {
      if (result.isDone() || finishing) {
        return;
      }
      while (inFlight < maxRequests && nextOffset < reader.size) {
        int n = (int) Math.min(chunkSize, reader.size - nextOffset);
        toSend.add(new long[] {nextOffset, n});
        nextOffset += n;
        inFlight++;
      }
    }
    byte[] h = handle;
    SftpTransport t = session.transport();
    for (long[] c : toSend) {
      long offset = c[0];
      int n = (int) c[1];
      int id = t.nextId();
      Buffer b = SftpMessages.start(SftpMessages.WRITE, id, 4 + h.length + 12 + n);
      b.putBytes(h);
      b.putLong(base + offset);
      b.putInt(n);
      int dataAt = b.wpos();
      reader
          .fill(offset, b.array(), dataAt, n)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  result.completeExceptionally(localFailure(e));
                  return;
                }
                b.wpos(dataAt + n);
                t.send(id, SftpMessages.finish(b), new Ack(n));
              });
    }
  }

  /** The reply handler of one WRITE. */
  private final class Ack implements ReplyHandler {
    private final int length;

    Ack(int length) {
      this.length = length;
    }

    @Override
    public void onReply(int type, Buffer body) {
      if (type != SftpMessages.STATUS) {
        result.completeExceptionally(Replies.unexpected(type, path));
        return;
      }
      SftpException e = Replies.status(body, path);
      if (e.status() != SftpStatus.SSH_FX_OK) {
        result.completeExceptionally(e);
        return;
      }
      boolean complete;
      synchronized (Upload.this) {
        if (result.isDone()) {
          return; // failed or past its deadline: the acknowledgments left change nothing
        }
        inFlight--;
        acked += length;
        if (firstAckNanos < 0) {
          firstAckNanos = System.nanoTime() - startNanos;
        }
        complete = acked == reader.size && !finishing;
        finishing |= complete;
      }
      if (complete) {
        finish();
      } else {
        pump();
      }
    }

    @Override
    public void onFailure(SftpException failure) {
      result.completeExceptionally(failure);
    }
  }

  private void finish() {
    long firstAck;
    synchronized (this) {
      finishing = true;
      firstAck = firstAckNanos;
    }
    long bytes = reader.size;
    session
        .closeHandle(handle, path)
        .whenComplete(
            (v, e) -> {
              reader.close();
              if (e != null) {
                result.completeExceptionally(e);
                return;
              }
              long total = System.nanoTime() - startNanos;
              result.complete(
                  new TransferResult(
                      path,
                      bytes,
                      null,
                      null,
                      new byte[0],
                      startMillis,
                      startMillis + total / 1_000_000,
                      openNanos,
                      firstAck,
                      total));
            });
  }

  private SftpException localFailure(Throwable t) {
    return SftpException.of(
        SftpException.SFTP,
        source.describe(),
        "cannot read local file " + source.describe() + " (" + SftpTransport.describe(t) + ")");
  }

  /** After a failure or a deadline: close the local file and, if the channel lives, the handle. */
  private void cleanup() {
    if (!cleaned.compareAndSet(false, true)) {
      return;
    }
    UploadSource.Reader r = reader;
    if (r != null) {
      r.close();
    }
    byte[] h = handle;
    if (h != null && session.isOpen()) {
      session.closeHandle(h, path);
    }
  }
}
