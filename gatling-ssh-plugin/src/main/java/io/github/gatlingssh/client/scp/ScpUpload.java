package io.github.gatlingssh.client.scp;

import io.github.gatlingssh.client.sftp.UploadSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * An upload with {@code scp -t PATH}: the server says it is ready (0), the client announces the
 * file ({@code C0644 SIZE NAME}), the server accepts it (0) or says why not (1 or 2 and a line),
 * the client sends SIZE bytes and a 0, the server acknowledges them (0), the client sends EOF and
 * the server's scp exits. The data is read from the local file one chunk ahead of the chunk being
 * written, so the file is read while the channel sends.
 */
final class ScpUpload extends ScpTransfer {
  private static final int CHUNK = 64 * 1024;
  private static final byte[] END_OF_DATA = {0};

  private enum State {
    READY,
    HEADER,
    DATA,
    DATA_ACK,
    DONE
  }

  private final UploadSource local;
  private final String fileName;
  private UploadSource.Reader source;
  private volatile State state = State.READY;
  private long openNanos;
  private long headerAckNanos;

  ScpUpload(
      ClientSession session,
      ScheduledExecutorService timer,
      UploadSource local,
      String remotePath) {
    super(session, timer, "upload", remotePath);
    this.local = local;
    this.fileName = ScpCommandLine.fileName(remotePath, "upload.bin");
  }

  @Override
  void openLocal() {
    source = local.open();
  }

  @Override
  String localFileError() {
    return "cannot read local file " + local.describe();
  }

  @Override
  void onReady() {
    // the server speaks first
  }

  @Override
  CompletableFuture<Void> onData(Buffer b) {
    ScpReplies.Reply r = nextReply(b);
    if (r == null) {
      return null;
    }
    if (r.kind() != ScpReplies.Kind.OK) {
      protocolError("expected an acknowledgement, got '" + r.text() + "'");
      return null;
    }
    switch (state) {
      case READY -> {
        openNanos = elapsedNanos();
        state = State.HEADER;
        String header = "C0644 " + source.size() + " " + fileName + "\n";
        write(header.getBytes(StandardCharsets.UTF_8));
      }
      case HEADER -> {
        headerAckNanos = elapsedNanos();
        state = State.DATA;
        sendFrom(0, new byte[chunk()], new byte[chunk()], CompletableFuture.completedFuture(null));
      }
      case DATA_ACK -> {
        state = State.DONE;
        protocolDone(false, source.size(), null, null, new byte[0], openNanos, headerAckNanos);
      }
      default -> protocolError("an acknowledgement while " + state.name().toLowerCase());
    }
    return null;
  }

  private int chunk() {
    return (int) Math.max(1, Math.min(CHUNK, source.size()));
  }

  /**
   * Reads the chunk at {@code position} into {@code buf} while {@code spare} is being written
   * ({@code writing}), then writes {@code buf} and goes on with the buffers swapped. Loops while
   * both are already done (bytes in memory, a write MINA completed at once), so that the stack does
   * not grow with the file.
   */
  private void sendFrom(long position, byte[] buf, byte[] spare, CompletableFuture<Void> writing) {
    long size = source.size();
    long at = position;
    byte[] next = buf;
    byte[] other = spare;
    CompletableFuture<Void> previous = writing;
    while (at < size) {
      int n = (int) Math.min(next.length, size - at);
      CompletableFuture<Void> filled = source.fill(at, next, 0, n);
      if (!filled.isDone() || !previous.isDone()) {
        long from = at;
        byte[] a = next;
        byte[] c = other;
        CompletableFuture<Void> p = previous;
        CompletableFuture.allOf(filled, p)
            .whenComplete(
                (v, e) -> {
                  CompletableFuture<Void> w = writeFilled(filled, p, a, n);
                  if (w != null) {
                    sendFrom(from + n, c, a, w);
                  }
                });
        return;
      }
      previous = writeFilled(filled, previous, next, n);
      if (previous == null) {
        return;
      }
      at += n;
      byte[] t = next;
      next = other;
      other = t;
    }
    previous.whenComplete(
        (v, e) -> {
          if (e == null) {
            state = State.DATA_ACK;
            write(END_OF_DATA);
          }
        });
  }

  /**
   * Once {@code filled} and {@code previous} are done: writes the chunk, or returns null when the
   * file could not be read (the transfer fails) or a write failed (the channel is closing, and its
   * close says why).
   */
  private CompletableFuture<Void> writeFilled(
      CompletableFuture<Void> filled, CompletableFuture<Void> previous, byte[] buf, int n) {
    if (filled.isCompletedExceptionally()) {
      filled.whenComplete((x, readError) -> localFailure(readError));
      return null;
    }
    if (previous.isCompletedExceptionally()) {
      return null;
    }
    return write(n == buf.length ? buf : Arrays.copyOf(buf, n));
  }

  @Override
  void release() {
    source.close();
  }
}
