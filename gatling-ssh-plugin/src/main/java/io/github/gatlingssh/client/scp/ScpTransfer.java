package io.github.gatlingssh.client.scp;

import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.channel.SshChannel;
import io.github.gatlingssh.client.exec.ChannelExecWithReply;
import io.github.gatlingssh.client.sftp.TransferResult;
import io.github.gatlingssh.client.stream.WriteQueue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * One file transfer in the legacy SCP protocol, on an exec channel of its own ({@code scp -t} or
 * {@code scp -f}), as OpenSSH's {@code scp -O} speaks it. MINA's {@code ScpClient} blocks a thread
 * per transfer; this speaks the protocol on MINA's asynchronous streams instead: a read is pending
 * on stdout while the protocol waits for the server, each reply is handled on MINA's I/O thread (or
 * the local file pool's), and writes are queued one at a time. Nothing blocks.
 *
 * <p>The transfer succeeds when the protocol completed (every acknowledgement received) and the
 * command then exited with status 0. Failures are SCP's own ("scp: " and the server's error line,
 * "scp: download of x: exit status 127 (...)"), the channel's ("channel open: ...", "connection
 * lost: ...") or the deadline's ("timeout: ...; channel closed").
 */
public abstract class ScpTransfer extends SshChannel<ChannelExecWithReply> {
  private static final int READ_BUFFER = 32 * 1024;
  private static final byte[] ZERO = {0};

  /** The remote path, as the user gave it. */
  protected final String path;

  private final String verb;
  private final CompletableFuture<TransferResult> result = track(new CompletableFuture<>());
  private final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();
  private final StderrHead stderr = new StderrHead();
  private final ScpReplies replies = new ScpReplies();
  private volatile WriteQueue writes;
  private volatile Done done;

  /** What the protocol saw, kept until the command's exit decides the outcome. */
  private record Done(
      long bytes, byte[] md5, byte[] sha1, byte[] kept, long openNanos, long firstByteNanos) {
    TransferResult result(String path, long startMillis, long total) {
      long end = startMillis + total / 1_000_000;
      return new TransferResult(
          path, bytes, md5, sha1, kept, startMillis, end, openNanos, firstByteNanos, total);
    }
  }

  ScpTransfer(ClientSession session, ScheduledExecutorService timer, String verb, String path) {
    super(session, timer);
    this.verb = verb;
    this.path = path;
  }

  /**
   * The transfer's outcome, within {@code timeout} from now (the transfer having just started):
   * past it the channel is closed and the future fails with "timeout: scp download of x not done
   * within 5 s; channel closed".
   */
  public final CompletableFuture<TransferResult> result(Duration timeout) {
    return within(
        result,
        timeout,
        "scp " + verb + " of " + path + " not done within " + Durations.format(timeout));
  }

  /**
   * Opens the local file, on this thread (open(2), fstat(2): no data I/O) and before any channel,
   * so that a missing file costs no round trip; then the exec channel of {@code command}.
   *
   * @return this
   */
  final ScpTransfer begin(String command) {
    try {
      openLocal();
    } catch (UncheckedIOException e) {
      fail(
          new SshFailure(
              SshFailure.Step.SCP, localFileError() + " (" + LocalFiles.describe(e) + ")"));
      return this;
    }
    result.whenComplete((r, e) -> release()); // however the transfer ends
    start(command);
    return this;
  }

  /** Opens the exec channel of {@code command}; reading starts when the server accepted it. */
  private void start(String command) {
    SshFailure refused =
        new SshFailure(SshFailure.Step.SCP, "the server refused to run '" + command + "'");
    ChannelExecWithReply ch =
        ChannelExecWithReply.async(
            command, StandardCharsets.UTF_8, accepted -> onRequestReply(accepted, refused));
    ready().thenRun(this::startStreaming);
    open(ch, true);
  }

  private void startStreaming() {
    try {
      ChannelExecWithReply ch = channel();
      writes = new WriteQueue(ch.getAsyncIn());
      stderr.readFrom(ch.getAsyncErr());
      readStdout(ch.getAsyncOut(), new ByteArrayBuffer(READ_BUFFER, false));
      onReady();
    } catch (RuntimeException e) {
      cancel(lostOr(SshFailure.Step.SCP, e));
    }
  }

  /** The server accepted the command: an upload waits for its first ack, a download says go. */
  abstract void onReady();

  /**
   * Takes bytes the server sent from {@code b}, at least one. Returns null to go on at once, or a
   * future to wait for first (a local file write: the channel window then slows the server down).
   */
  abstract CompletableFuture<Void> onData(Buffer b);

  /** Opens the transfer's local side (a file, or nothing). */
  abstract void openLocal();

  /** What failed when the local file failed: "cannot read local file /l". */
  abstract String localFileError();

  /** Called once when the transfer ended, however: frees the local file. */
  abstract void release();

  private void readStdout(IoInputStream in, Buffer b) {
    in.read(b)
        .addListener(
            f -> {
              // EOF, or the channel closing: the close decides the outcome
              if (f.getException() == null && f.getRead() >= 0) {
                consume(in, f.getBuffer());
              }
            });
  }

  private void consume(IoInputStream in, Buffer b) {
    while (b.available() > 0) {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<Void> wait;
      try {
        wait = onData(b);
      } catch (RuntimeException e) {
        protocolError(e.getMessage());
        return;
      }
      if (wait != null && (!wait.isDone() || wait.isCompletedExceptionally())) {
        wait.whenComplete((v, e) -> consumeAfter(in, b, e));
        return;
      }
    }
    b.rpos(0);
    b.wpos(0);
    readStdout(in, b);
  }

  private void consumeAfter(IoInputStream in, Buffer b, Throwable localError) {
    if (localError != null) {
      localFailure(localError);
      return;
    }
    consume(in, b);
  }

  /**
   * The next reply in {@code b}: null when {@code b} ended before it did, or when it was an error
   * line (the transfer then fails with it).
   */
  final ScpReplies.Reply nextReply(Buffer b) {
    ScpReplies.Reply r = replies.read(b);
    if (r != null && r.kind() == ScpReplies.Kind.ERROR) {
      serverError(r.text());
      return null;
    }
    return r;
  }

  /** Sends {@code data}; the future completes when MINA wrote it (fails if the channel went). */
  final CompletableFuture<Void> write(byte[] data) {
    return writes.write(data);
  }

  /** Sends SCP's "ok / ready" byte. */
  final void writeOk() {
    write(ZERO);
  }

  /** Nanoseconds since the transfer started. */
  final long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /**
   * The protocol completed: sends the last ack if {@code ack} (a download's), then EOF (the
   * server's scp then exits); the outcome waits for the exit status.
   */
  final void protocolDone(
      boolean ack,
      long bytes,
      byte[] md5,
      byte[] sha1,
      byte[] kept,
      long openNanos,
      long firstByteNanos) {
    // noted before the last ack goes out: the server may exit, and its channel close, at once
    done = new Done(bytes, md5, sha1, kept, openNanos, firstByteNanos);
    CompletableFuture<Void> acked = ack ? write(ZERO) : CompletableFuture.completedFuture(null);
    // EOF after the ack: queued writes are not ordered with MINA's EOF
    acked.thenRun(
        () -> {
          try {
            ThreadUtils.runAsInternal(() -> channel().sendStdinEof());
          } catch (Exception e) {
            // the channel is closing: its close decides the outcome
          }
        });
  }

  /** The server's error line (after a 1 or 2 byte): the transfer is KO with it. */
  final void serverError(String line) {
    String message = line.startsWith("scp: ") ? line.substring("scp: ".length()) : line;
    cancel(
        new SshFailure(
            SshFailure.Step.SCP,
            message.isBlank() ? verb + " of " + path + " refused by the server" : message));
  }

  /** The server sent what SCP does not allow here: the transfer is KO and its channel closed. */
  final void protocolError(String what) {
    cancel(
        new SshFailure(
            SshFailure.Step.SCP, "protocol error in the " + verb + " of " + path + ": " + what));
  }

  /** The local file could not be read or written. */
  final void localFailure(Throwable t) {
    cancel(
        new SshFailure(
            SshFailure.Step.SCP, localFileError() + " (" + LocalFiles.describe(t) + ")"));
  }

  @Override
  protected final SshFailure closedBeforeReady() {
    return failure(
        SshFailure.Step.SCP,
        "channel closed before the server answered the exec request of scp",
        "the connection closed before the scp " + verb + " of " + path + " started");
  }

  @Override
  protected final void onClosedWhenReady() {
    ChannelExecWithReply ch = channel();
    Integer status = ch.getExitStatus();
    String signal = ch.getExitSignal();
    Done d = done;
    boolean exitedOk = (status == null && signal == null) || (status != null && status == 0);
    if (d != null && exitedOk) {
      result.complete(d.result(path, startMillis, elapsedNanos()));
      return;
    }
    String exit =
        status != null
            ? "exit status " + status
            : signal != null
                ? "killed by signal " + signal
                : "channel closed without an exit status";
    String err = stderr.text();
    SshFailure failure =
        failure(
            SshFailure.Step.SCP,
            verb + " of " + path + ": " + exit + (err.isEmpty() ? "" : " (" + err + ")"),
            "the connection closed during the scp " + verb + " of " + path);
    fail(failure);
  }
}
