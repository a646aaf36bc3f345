package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valve between one connection's socket and its SSH session, for {@link Faults}: passes the
 * bytes the client sends on ({@code OPEN}), holds them back for a while ({@code HOLD}, then replays
 * them in order) or swallows them ({@code DROP}).
 *
 * <p>A hold or drop triggered while the session handles some input takes effect from the next read
 * on, as on a real server that already read the rest. The exception is the {@linkplain
 * #afterClientKexInit trigger after the client's KEXINIT}: the gate finds where that packet ends in
 * the byte stream, hands the session exactly up to there, then fires the trigger, so the fault
 * applies to whatever the client sent next even if it arrived in the same read.
 *
 * <p>Thread-safe. Bytes are handed on outside the lock (a fault may be triggered from another MINA
 * thread); order is kept because MINA has at most one read pending per connection and a replay
 * waits for a hand-over in progress to finish.
 */
final class InputGate {

  /** What the gate passes on bytes to: the SSH session's normal input handling. */
  @FunctionalInterface
  interface Sink {
    void accept(Readable bytes) throws Exception;
  }

  /** Held input beyond this closes the connection: a fault must not let a client fill the heap. */
  static final int MAX_HELD_BYTES = 1 << 20;

  /** How long a hung-up connection may wait for the client to close its side. */
  static final Duration LINGER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(InputGate.class);
  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private enum State {
    OPEN,
    HOLD,
    DROP
  }

  private final IoSession ioSession;
  private final Sink sink;
  private final ScheduledExecutorService scheduler;
  // guarded by this
  private State state = State.OPEN;
  private final ArrayDeque<Object> held = new ArrayDeque<>(); // byte[] input, or Runnable tasks
  private int heldBytes;
  private boolean passing; // a direct hand-over is in progress
  private long openAt; // System.nanoTime() before which a hold must not be released
  private Runnable
      kexTrigger; // fires after the client's KEXINIT; null when not (or no longer) wanted
  private final FirstPacketScanner scanner = new FirstPacketScanner();

  InputGate(IoSession ioSession, Sink sink, ScheduledExecutorService scheduler) {
    this.ioSession = ioSession;
    this.sink = sink;
    this.scheduler = scheduler;
  }

  /**
   * Runs {@code trigger} once, right after the session has handled the client's first binary
   * packet, its SSH_MSG_KEXINIT, and before anything the client sent after it. Call before any
   * input arrives.
   */
  synchronized void afterClientKexInit(Runnable trigger) {
    this.kexTrigger = trigger;
  }

  /** Called by MINA for every read: passes, holds or drops the bytes. */
  void received(Readable bytes) throws Exception {
    Runnable trigger;
    synchronized (this) {
      trigger = kexTrigger;
    }
    if (trigger == null) {
      receivedUnscanned(bytes);
      return;
    }
    // still before the end of the client's KEXINIT (the first read or two only)
    byte[] data = new byte[bytes.available()];
    bytes.getRawBytes(data, 0, data.length);
    int end = scanner.feed(data, 0, data.length);
    if (end < 0) {
      receivedUnscanned(new ByteArrayBuffer(data));
      return;
    }
    synchronized (this) {
      kexTrigger = null;
    }
    receivedUnscanned(new ByteArrayBuffer(data, 0, end));
    boolean now;
    synchronized (this) {
      now = state == State.OPEN && held.isEmpty();
      if (!now && state == State.HOLD) {
        held.add(trigger); // runs when the held KEXINIT has been replayed
      }
    }
    if (now) {
      trigger.run();
    }
    if (end < data.length) {
      receivedUnscanned(new ByteArrayBuffer(data, end, data.length - end));
    }
  }

  private void receivedUnscanned(Readable bytes) throws Exception {
    synchronized (this) {
      switch (state) {
        case DROP:
          return;
        case HOLD:
          byte[] copy = new byte[bytes.available()];
          bytes.getRawBytes(copy, 0, copy.length);
          heldBytes += copy.length;
          if (heldBytes > MAX_HELD_BYTES) {
            dropAndClose("more than " + MAX_HELD_BYTES + " bytes arrived while held");
            return;
          }
          held.add(copy);
          return;
        default:
          passing = true;
      }
    }
    try {
      sink.accept(bytes);
    } finally {
      synchronized (this) {
        passing = false;
      }
    }
  }

  /**
   * Holds all further input for {@code delay}, then runs {@code first} (if not null) and replays
   * the held input in order, and opens again. Does nothing once dropping.
   */
  void hold(Duration delay, Runnable first) {
    synchronized (this) {
      if (state == State.DROP) {
        return;
      }
      long until = System.nanoTime() + delay.toNanos();
      if (state != State.HOLD || until - openAt > 0) {
        openAt = until;
      }
      state = State.HOLD;
      if (first != null) {
        held.addFirst(first);
      }
    }
    schedule(delay.toNanos());
  }

  /** Swallows all further input, for good; anything held is discarded. */
  synchronized void drop() {
    state = State.DROP;
    held.clear();
    heldBytes = 0;
    kexTrigger = null;
  }

  /**
   * Drops all further input and hangs up right after: sends FIN (the client sees the end of the
   * stream) and keeps reading, so that the close cannot turn into a reset, then closes once the
   * client has gone, or after {@link #LINGER} at the latest. No SSH message is sent.
   */
  void dropAndClose(String why) {
    drop();
    LOG.debug("Hanging up {}: {}", ioSession, why);
    try {
      scheduler.execute(this::hangUp);
    } catch (RejectedExecutionException e) {
      ioSession.close(true); // the server is stopping anyway
    }
  }

  private void hangUp() {
    try {
      ioSession.shutdownOutputStream();
      scheduler.schedule(() -> ioSession.close(true), LINGER.toNanos(), TimeUnit.NANOSECONDS);
    } catch (IOException | RuntimeException e) {
      ioSession.close(true);
    }
  }

  private void schedule(long delayNanos) {
    try {
      scheduler.schedule(this::release, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      drop(); // the server is stopping
    }
  }

  /** Replays what was held, one item at a time, then opens the gate. */
  private void release() {
    while (true) {
      Object next;
      synchronized (this) {
        if (state != State.HOLD || System.nanoTime() - openAt < 0) {
          return; // not held any more, or held again meanwhile: a later release is scheduled
        }
        if (passing) { // a hand-over that started before the hold is still being handled
          schedule(RETRY_NANOS);
          return;
        }
        next = held.poll();
        if (next == null) {
          state = State.OPEN;
          heldBytes = 0;
          return;
        }
      }
      if (!ioSession.isOpen() || ioSession.isClosing()) {
        drop();
        return;
      }
      try {
        MinaInternal.run(
            () -> {
              if (next instanceof Runnable task) {
                task.run();
              } else {
                byte[] bytes = (byte[]) next;
                sink.accept(new ByteArrayBuffer(bytes));
              }
            });
      } catch (Exception e) {
        dropAndClose("replaying held input failed: " + e);
        return;
      }
    }
  }

  /**
   * Finds where the client's first binary packet ends in what it sends: after its identification
   * line ({@code SSH-2.0-...}, ending with LF), a packet is a 4-byte length and that many bytes,
   * without MAC before the first key exchange (RFC 4253 sections 4.2 and 6).
   */
  static final class FirstPacketScanner {
    private int phase; // 0 identification line, 1 length, 2 body, 3 done
    private int lengthBytesSeen;
    private long length;

    /**
     * @return the index in {@code data} just after the packet's last byte, or -1 if it does not end
     *     in this chunk (or ended before)
     */
    int feed(byte[] data, int off, int len) {
      int i = off;
      int end = off + len;
      while (i < end) {
        switch (phase) {
          case 0 -> {
            if (data[i++] == '\n') {
              phase = 1;
            }
          }
          case 1 -> {
            length = (length << 8) | (data[i++] & 0xFF);
            if (++lengthBytesSeen == 4) {
              phase = 2;
            }
          }
          case 2 -> {
            int n = (int) Math.min(length, end - i);
            i += n;
            length -= n;
            if (length == 0) {
              phase = 3;
              return i;
            }
          }
          default -> {
            return -1;
          }
        }
      }
      return -1;
    }
  }
}
