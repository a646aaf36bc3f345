package io.github.gatlingssh.benchmark.bare;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * One remote command on MINA's async API: an exec channel with want-reply, stdout and stderr read
 * with async reads and split into lines as they arrive. {@link #accepted} completes when the server
 * answers the exec request, {@link #done} (with the exit status) when both streams ended and the
 * channel closed. Everything runs in MINA's callbacks; nothing blocks.
 */
public final class BareExec extends ChannelExec {
  private static final int READ_BUFFER = 32 * 1024;

  final CompletableFuture<Void> accepted = new CompletableFuture<>();
  public final CompletableFuture<Integer> done = new CompletableFuture<>();
  final LineSplitter stdout = new LineSplitter(line -> {});
  final LineSplitter stderr = new LineSplitter(line -> {});
  private final AtomicInteger pendingEnds = new AtomicInteger(3); // stdout EOF, stderr EOF, close
  private volatile Throwable readError;

  private BareExec(String command) {
    super(command, StandardCharsets.UTF_8, null, Map.of());
    setStreaming(StreamingChannel.Streaming.Async);
  }

  /** Opens an exec channel for {@code command} on {@code session}; never throws. */
  public static BareExec start(ClientSession session, String command) {
    BareExec ch = new BareExec(command);
    try {
      session.getService(ConnectionService.class).registerChannel(ch);
      ch.addCloseFutureListener(f -> ch.ended());
      ch.open()
          .addListener(
              opened -> {
                if (!opened.isOpened()) {
                  ch.fail(opened.getException());
                  return;
                }
                ch.readLoop(ch.getAsyncOut(), new ByteArrayBuffer(READ_BUFFER, false), ch.stdout);
                ch.readLoop(ch.getAsyncErr(), new ByteArrayBuffer(READ_BUFFER, false), ch.stderr);
              });
    } catch (IOException | RuntimeException e) {
      ch.fail(e);
    }
    return ch;
  }

  private void readLoop(IoInputStream in, Buffer buffer, LineSplitter lines) {
    in.read(buffer)
        .addListener(
            r -> {
              Throwable e = r.getException();
              if (e != null || r.getRead() < 0) {
                if (e != null && !(e instanceof EOFException)) {
                  readError = e;
                }
                lines.finish();
                ended();
                return;
              }
              Buffer b = r.getBuffer();
              lines.feed(b.array(), b.rpos(), b.available());
              b.rpos(0);
              b.wpos(0);
              readLoop(in, buffer, lines);
            });
  }

  private void ended() {
    if (pendingEnds.decrementAndGet() != 0) {
      return;
    }
    Integer status = getExitStatus();
    if (readError != null) {
      fail(readError);
    } else if (status == null) {
      fail(new IOException("channel closed without exit status (signal " + getExitSignal() + ")"));
    } else {
      done.complete(status);
    }
  }

  private void fail(Throwable t) {
    Throwable cause = t != null ? t : new IOException("failed");
    accepted.completeExceptionally(cause);
    done.completeExceptionally(cause);
  }

  // The server's answer to the exec request (want-reply); MINA itself only logs it.
  @Override
  public void handleSuccess() throws IOException {
    if (removePendingRequest(Channel.CHANNEL_EXEC) != null) {
      accepted.complete(null);
    }
  }

  @Override
  public void handleFailure() throws IOException {
    if (removePendingRequest(Channel.CHANNEL_EXEC) != null) {
      fail(new IOException("the server refused the exec request"));
      close(false);
    }
  }
}
