package io.github.gatlingssh.client.sftp;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
final class Upload extends Transfer {
  private final UploadSource source;
  private final WriteMode mode;
  private final int chunkSize;
  private final int maxRequests;
  private volatile UploadSource.Reader reader;
  private volatile long base; // the remote offset of the source's first byte
  private long firstAckNanos = -1;
  private long nextOffset;
  private long acked;
  private int inFlight;
  private boolean finishing;

  Upload(SftpSession session, UploadSource source, String path, WriteMode mode) {
    super(session, path);
    this.source = source;
    this.mode = mode;
    this.chunkSize = session.settings().chunkSize();
    this.maxRequests = session.settings().maxRequests();
  }

  CompletableFuture<TransferResult> start() {
    try {
      reader = source.open();
    } catch (UncheckedIOException e) {
      result.completeExceptionally(localFailure("read", source.describe(), e.getCause()));
      return result;
    }
    int flags =
        SftpMessages.FXF_WRITE
            | SftpMessages.FXF_CREAT
            | (mode == WriteMode.OVERWRITE ? SftpMessages.FXF_TRUNC : 0);
    open(
        flags,
        h -> {
          if (mode == WriteMode.APPEND) {
            session
                .fstat(h, path)
                .whenComplete(
                    Replies.orFail(
                        result,
                        attrs -> {
                          base = attrs.size() == null ? 0 : attrs.size();
                          opened();
                        }));
          } else {
            opened();
          }
        });
    return result;
  }

  private void opened() {
    if (!ready()) {
      return;
    }
    if (reader.size == 0) {
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
                  result.completeExceptionally(localFailure("read", source.describe(), e));
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
    close(reader.size, firstAck);
  }

  @Override
  void closeLocal() {
    UploadSource.Reader r = reader;
    if (r != null) {
      r.close();
    }
  }
}
