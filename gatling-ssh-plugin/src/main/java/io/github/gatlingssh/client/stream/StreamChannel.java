package io.github.gatlingssh.client.stream;

import io.github.gatlingssh.client.Deadline;
import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.client.channel.SshChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.apache.sshd.client.channel.AbstractClientChannel;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The base of the long-lived, interactive channels (shell, direct-tcpip): once ready, a read is
 * always pending on the channel's output (so the window keeps flowing whatever the user does), the
 * output is decoded into an {@link ExpectBuffer}, writes go through a {@link WriteQueue}, and the
 * user's steps are {@link #send}, {@link #expect}, {@link #awaitEnd} and {@link #close}. A step's
 * timeout fails that step only: the channel stays open and the user goes on.
 *
 * <p>Data arrives on MINA's I/O threads; steps are called from the user's event loop; the buffer
 * and the pending expect are guarded by this object's lock, and futures complete outside it.
 */
public abstract class StreamChannel<C extends AbstractClientChannel> extends SshChannel<C> {
  private static final int READ_BUFFER = 8192;

  private final ScheduledExecutorService timer;
  private final SshFailure.Step step;
  private final StreamDecoder decoder;
  private final ExpectBuffer buffer;
  private final CompletableFuture<StreamEnd> ended = track(new CompletableFuture<>());
  private final CompletableFuture<Void> streaming;
  private volatile WriteQueue writes;
  private Expectation pending;
  private boolean eof;

  private record Expectation(
      Pattern pattern, boolean stripEscapes, CompletableFuture<String> matched) {}

  /**
   * @param timer runs the steps' deadlines (the virtual user's event loop)
   * @param step the step named in this channel's KO messages ("shell", "tunnel")
   * @param maxOutputLength the most characters kept after the last match
   */
  protected StreamChannel(
      org.apache.sshd.client.session.ClientSession session,
      ScheduledExecutorService timer,
      SshFailure.Step step,
      Charset charset,
      int maxOutputLength) {
    super(session, timer);
    this.timer = timer;
    this.step = step;
    this.decoder = new StreamDecoder(charset);
    this.buffer = new ExpectBuffer(maxOutputLength);
    // the user may send as soon as the open step is done: that step waits for this, not for ready()
    this.streaming = track(ready().thenRun(this::startStreaming));
  }

  /** Completes when the channel is ready and its output is being read (what open() waits for). */
  protected final CompletableFuture<Void> streaming() {
    return streaming;
  }

  /** The step named in this channel's KO messages ("shell", "tunnel"). */
  protected final SshFailure.Step step() {
    return step;
  }

  /**
   * Completes when the stream is open for the user (a shell started, a tunnel connected to its
   * target), within {@code timeout} from now, else the channel is closed; fails in the stream's own
   * words.
   */
  public abstract CompletableFuture<Void> opened(Duration timeout);

  private void startStreaming() {
    C ch = channel();
    writes = new WriteQueue(ch.getAsyncIn());
    // MINA's async stream does not end on the peer's EOF: the channel only reports it as a state.
    // Data and EOF are handled in order on one I/O thread and a read is always pending, so every
    // byte before the EOF has been read when this fires.
    ch.addChannelListener(
        new ChannelListener() {
          @Override
          public void channelStateChanged(Channel channel, String hint) {
            if ("SSH_MSG_CHANNEL_EOF".equals(hint)) {
              onEof();
            }
          }
        });
    read(ch.getAsyncOut(), new ByteArrayBuffer(READ_BUFFER, false));
  }

  private void read(IoInputStream in, Buffer b) {
    in.read(b)
        .addListener(
            f -> {
              if (f.getException() != null || f.getRead() < 0) {
                onEof();
                return;
              }
              Buffer x = f.getBuffer();
              onData(x.array(), x.rpos(), x.available());
              x.rpos(0);
              x.wpos(0);
              read(in, b);
            });
  }

  private void onData(byte[] data, int off, int len) {
    Expectation e;
    String matched = null;
    synchronized (this) {
      buffer.append(decoder.decode(data, off, len));
      e = pending;
      if (e != null) {
        matched = buffer.match(e.pattern(), e.stripEscapes());
        if (matched != null) {
          pending = null;
        }
      }
    }
    if (matched != null) {
      e.matched().complete(matched);
    }
  }

  private void onEof() {
    Expectation e;
    String tail;
    synchronized (this) {
      eof = true;
      e = pending;
      pending = null;
      tail = buffer.tail();
    }
    if (e != null) {
      e.matched()
          .completeExceptionally(
              ExpectBuffer.noMatch(e.pattern(), "before the output ended (EOF)", tail));
    }
  }

  /**
   * Sends {@code data} to the channel (a shell's keyboard, a tunnel's socket); completes when MINA
   * wrote it.
   */
  public final CompletableFuture<Void> send(byte[] data) {
    WriteQueue w = writes;
    if (w == null || !channel().isOpen() || channel().isClosing()) {
      return CompletableFuture.failedFuture(
          new SshRequestException(
              failure(step(), "channel closed, cannot send", "the connection closed")));
    }
    return track(
        w.write(data)
            .exceptionallyCompose(
                t -> CompletableFuture.failedFuture(new SshRequestException(lostOr(step(), t)))));
  }

  /**
   * Completes with the output since the previous match, up to and including the first match of
   * {@code pattern}; fails with "expect: no match ... last output: ..." after {@code timeout}, or
   * when the output ends first. The channel stays open either way.
   */
  public final CompletableFuture<String> expect(
      Pattern pattern, boolean stripEscapes, Duration timeout) {
    CompletableFuture<String> f = new CompletableFuture<>();
    String endedTail = null;
    synchronized (this) {
      String matched = buffer.match(pattern, stripEscapes);
      if (matched != null) {
        f.complete(matched);
        return f;
      }
      if (eof) {
        endedTail = buffer.tail();
      } else {
        pending = new Expectation(pattern, stripEscapes, f);
      }
    }
    if (endedTail != null) {
      f.completeExceptionally(
          ExpectBuffer.noMatch(pattern, "before the output ended (EOF)", endedTail));
      return f;
    }
    track(f);
    return Deadline.bound(
        f,
        timeout,
        timer,
        () -> {
          String last;
          synchronized (this) {
            if (pending != null && pending.matched() == f) {
              pending = null;
            }
            last = buffer.tail();
          }
          f.completeExceptionally(
              ExpectBuffer.noMatch(pattern, "within " + Durations.format(timeout), last));
        });
  }

  /**
   * Completes when the channel closed, with the exit status or signal a shell sent; fails after
   * {@code timeout} (the channel stays open).
   */
  public final CompletableFuture<StreamEnd> awaitEnd(Duration timeout, String stillOpen) {
    CompletableFuture<StreamEnd> f = new CompletableFuture<>();
    ended.whenComplete(
        (v, t) -> {
          if (t != null) {
            f.completeExceptionally(t);
          } else {
            f.complete(v);
          }
        });
    return Deadline.bound(
        f,
        timeout,
        timer,
        () ->
            f.completeExceptionally(
                new SshRequestException(
                    new SshFailure(
                        SshFailure.Step.TIMEOUT,
                        stillOpen + " after " + Durations.format(timeout)))));
  }

  /**
   * Closes the channel politely (CHANNEL_CLOSE, then the peer's); completes when it is closed. Past
   * {@code timeout} it is closed at once and the future fails with a TIMEOUT failure.
   */
  public final CompletableFuture<Void> close(Duration timeout) {
    C ch = channel();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    if (ch == null || ch.isClosed()) {
      closed.complete(null);
      return closed;
    }
    ch.close(false).addListener(c -> closed.complete(null));
    return Deadline.bound(
        closed,
        timeout,
        timer,
        () -> {
          ch.close(true);
          closed.completeExceptionally(
              new SshRequestException(
                  new SshFailure(
                      SshFailure.Step.TIMEOUT,
                      step().label()
                          + " not closed by the server within "
                          + Durations.format(timeout)
                          + "; closed at once")));
        });
  }

  /** Closes politely without waiting (the end of a virtual user). */
  public final void closeNow() {
    C ch = channel();
    if (ch != null && !ch.isClosing()) {
      ch.close(false);
    }
  }

  /** Whether the channel is open (or still opening). */
  public final boolean isOpen() {
    C ch = channel();
    return ch != null && !ch.isClosing() && !ended.isDone();
  }

  @Override
  protected final void onClosedWhenReady() {
    String rest;
    String tail;
    Expectation e;
    synchronized (this) {
      eof = true;
      rest = buffer.unmatched();
      tail = buffer.tail();
      e = pending;
      pending = null;
    }
    if (!connectionOpen()) {
      // the connection went down with the channel: whoever waits (expect, awaitExit) says so
      fail(
          new SshFailure(
              SshFailure.Step.CONNECTION_LOST,
              "the connection closed while the " + step().label() + " was open"));
      return;
    }
    if (e != null) {
      e.matched()
          .completeExceptionally(
              ExpectBuffer.noMatch(e.pattern(), "before the channel closed", tail));
    }
    C ch = channel();
    ended.complete(new StreamEnd(ch.getExitStatus(), ch.getExitSignal(), rest));
  }
}
