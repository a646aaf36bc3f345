package io.github.gatlingssh.client.sftp;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * One pipelined download: OPEN for reading, READs as {@link ReadWindow} schedules them until the
 * server answers end of file, then CLOSE. {@link Reassembly} puts the replies back in file order
 * before the sink sees them. Local file writes still pending count as requests in flight.
 *
 * <p>State is guarded by {@code this}; requests are sent and futures completed outside the lock.
 */
final class Download extends Transfer {
  private final DownloadSink sink;
  private final ReadWindow reads;
  private volatile Receiver receiver;
  private volatile Reassembly ordered;
  private long firstByteNanos = -1;
  private int sinkWrites;
  private boolean finishing;

  Download(SftpSession session, String path, DownloadSink sink) {
    super(session, path);
    this.sink = sink;
    this.reads = new ReadWindow(session.settings().chunkSize(), session.settings().maxRequests());
  }

  CompletableFuture<TransferResult> start() {
    try {
      receiver = sink.newReceiver();
      ordered = new Reassembly(receiver);
    } catch (UncheckedIOException e) {
      result.completeExceptionally(localFailure("write", sink.file(), e.getCause()));
      return result;
    }
    open(
        SftpMessages.FXF_READ,
        h -> {
          if (ready()) {
            pump();
          }
        });
    return result;
  }

  /** Sends READs until the window is full or everything up to end of file is asked for. */
  private void pump() {
    List<long[]> toSend;
    synchronized (this) {
      if (result.isDone() || finishing) {
        return;
      }
      toSend = reads.take(sinkWrites);
    }
    SftpTransport t = session.transport();
    byte[] h = handle;
    for (long[] r : toSend) {
      int id = t.nextId();
      Buffer b = SftpMessages.start(SftpMessages.READ, id, 4 + h.length + 12);
      b.putBytes(h);
      b.putLong(r[0]);
      b.putInt(r[1]);
      t.send(id, SftpMessages.finish(b), new Chunk(r[0], (int) r[1]));
    }
  }

  /** The reply handler of one READ. */
  private final class Chunk implements ReplyHandler {
    private final long offset;
    private final int length;

    Chunk(long offset, int length) {
      this.offset = offset;
      this.length = length;
    }

    @Override
    public void onReply(int type, Buffer body) {
      if (type == SftpMessages.DATA) {
        onData(offset, length, body);
      } else if (type == SftpMessages.STATUS) {
        SftpException e = Replies.status(body, path);
        if (e.status() == SftpStatus.SSH_FX_EOF) {
          onEof(offset);
        } else {
          result.completeExceptionally(e);
        }
      } else {
        result.completeExceptionally(Replies.unexpected(type, path));
      }
    }

    @Override
    public void onFailure(SftpException failure) {
      result.completeExceptionally(failure);
    }
  }

  private void onData(long offset, int length, Buffer body) {
    int n = body.getInt();
    byte[] a = body.array();
    int pos = body.rpos();
    List<CompletableFuture<Void>> writes = new ArrayList<>(2);
    boolean complete;
    boolean bad;
    synchronized (this) {
      if (result.isDone()) {
        return;
      }
      bad = n < 0 || n > length || n > body.available() || offset < ordered.delivered();
      if (bad) {
        reads.onFailed();
        finishing = true; // stop asking: the stream cannot be trusted
      } else {
        if (firstByteNanos < 0) {
          firstByteNanos = System.nanoTime() - startNanos;
        }
        reads.onData(offset, length, n);
        ordered.accept(offset, a, pos, n, writes);
        sinkWrites += writes.size(); // a pending file write takes a request slot
      }
      complete = checkComplete();
    }
    if (bad) {
      result.completeExceptionally(
          SftpException.of(
              SftpException.SFTP,
              path,
              "bad DATA reply ("
                  + n
                  + " bytes at offset "
                  + offset
                  + " for a read of "
                  + length
                  + "): "
                  + path));
      return;
    }
    for (CompletableFuture<Void> w : writes) {
      w.whenComplete((v, e) -> onSinkWritten(e));
    }
    next(complete);
  }

  private void onSinkWritten(Throwable e) {
    if (e != null) {
      result.completeExceptionally(localFailure("write", sink.file(), e));
      return;
    }
    boolean complete;
    synchronized (this) {
      sinkWrites--;
      complete = checkComplete();
    }
    next(complete);
  }

  private void onEof(long offset) {
    boolean complete;
    synchronized (this) {
      reads.onEof(offset);
      complete = checkComplete();
    }
    next(complete);
  }

  private void next(boolean complete) {
    if (complete) {
      finish();
    } else {
      pump();
    }
  }

  /** Under the lock: whether end of file was seen and nothing is in flight any more. */
  private boolean checkComplete() {
    if (finishing || sinkWrites > 0 || !reads.drained()) {
      return false;
    }
    finishing = true;
    return true;
  }

  private void finish() {
    long bytes;
    long firstByte;
    boolean gap;
    synchronized (this) {
      bytes = ordered.delivered();
      firstByte = firstByteNanos;
      gap = ordered.hasGap();
    }
    if (gap) {
      result.completeExceptionally(
          SftpException.of(
              SftpException.SFTP,
              path,
              "incomplete read, the file changed during the download: " + path));
      return;
    }
    close(bytes, firstByte);
  }

  @Override
  void closeLocal() {
    Receiver r = receiver;
    if (r != null) {
      r.close();
    }
  }

  @Override
  byte[] md5() {
    return receiver.md5();
  }

  @Override
  byte[] sha1() {
    return receiver.sha1();
  }

  @Override
  byte[] kept() {
    return receiver.kept();
  }
}
