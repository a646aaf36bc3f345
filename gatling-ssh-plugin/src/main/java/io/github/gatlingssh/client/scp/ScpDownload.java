package io.github.gatlingssh.client.scp;

import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.Receiver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * A download with {@code scp -f PATH}: the client says it is ready (0), the server announces the
 * file ({@code C0644 SIZE NAME}, maybe after a {@code T} line of times) or says why not (1 or 2 and
 * a line), the client says go (0), the server sends SIZE bytes and a status byte (0, or an error
 * line), the client acknowledges (0) and the server's scp exits. The bytes go to the same sink as
 * an SFTP download's: counted, digested, kept up to maxOutputLength, or written to a local file
 * (the next read waits for each file write, so a slow disk slows the server down, not memory).
 */
final class ScpDownload extends ScpTransfer {
  private static final Pattern FILE_HEADER = Pattern.compile("C[0-7]{3,4} (\\d+) (.+)");

  private enum State {
    HEADER,
    DATA,
    STATUS,
    DONE
  }

  private final DownloadSink sink;
  private Receiver receiver;
  private State state = State.HEADER; // confined: replies are handled one at a time, in order
  private long size;
  private long received;
  private long headerNanos;
  private long firstByteNanos = -1;

  ScpDownload(
      ClientSession session, ScheduledExecutorService timer, String remotePath, DownloadSink sink) {
    super(session, timer, "download", remotePath);
    this.sink = sink;
  }

  @Override
  void openLocal() {
    receiver = sink.newReceiver(); // opens a local file, if any
  }

  @Override
  String localFileError() {
    return "cannot write local file " + sink.file();
  }

  @Override
  void onReady() {
    writeOk();
  }

  @Override
  CompletableFuture<Void> onData(Buffer b) {
    if (state == State.DATA) {
      return data(b);
    }
    ScpReplies.Reply r = nextReply(b);
    if (r == null) {
      return null;
    }
    switch (state) {
      case HEADER -> header(r);
      case STATUS -> {
        if (r.kind() != ScpReplies.Kind.OK) {
          protocolError("expected the end of the file, got '" + r.text() + "'");
          return null;
        }
        state = State.DONE;
        protocolDone(
            true,
            received,
            receiver.md5(),
            receiver.sha1(),
            receiver.kept(),
            headerNanos,
            firstByteNanos);
      }
      default ->
          protocolError(
              r.command() == 'C'
                  ? "more than one file matches " + path
                  : "unexpected '" + r.text() + "' after the file");
    }
    return null;
  }

  private void header(ScpReplies.Reply r) {
    switch (r.command()) {
      case 0 -> {
        // a bare acknowledgement before the header: nothing to do
      }
      case 'T' -> writeOk(); // times (scp -p): not kept
      case 'C' -> {
        Matcher m = FILE_HEADER.matcher(r.text());
        if (!m.matches()) {
          protocolError("bad file header '" + r.text() + "'");
          return;
        }
        size = Long.parseLong(m.group(1));
        headerNanos = elapsedNanos();
        state = size == 0 ? State.STATUS : State.DATA;
        writeOk();
      }
      case 'D' -> serverError(path + ": not a regular file");
      default -> protocolError("unexpected '" + r.text() + "' instead of a file");
    }
  }

  /** Hands the file's bytes in {@code b} to the receiver; returns its local file write, if any. */
  private CompletableFuture<Void> data(Buffer b) {
    int n = (int) Math.min(b.available(), size - received);
    if (firstByteNanos < 0) {
      firstByteNanos = elapsedNanos();
    }
    CompletableFuture<Void> written = receiver.accept(received, b.array(), b.rpos(), n);
    b.rpos(b.rpos() + n);
    received += n;
    if (received == size) {
      state = State.STATUS;
    }
    return written;
  }

  @Override
  void release() {
    receiver.close();
  }
}
