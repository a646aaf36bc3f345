package io.github.gatlingssh.testkit.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command executed inside the JVM on MINA's async streams: no process, no thread. It adapts
 * MINA's {@link AsyncCommand} lifecycle to a {@link Program} and guarantees the ordering the SSH
 * client relies on: the exit callback (which makes MINA send EOF, the exit request and CLOSE) runs
 * only after the last write future of both stdout and stderr has completed, so it can never
 * overtake data.
 */
final class InJvmCommand extends AsyncCommandSupport {

  private static final Logger LOG = LoggerFactory.getLogger(InJvmCommand.class);

  private final String name;
  private final List<String> args;
  private final Program program;
  private final InJvmCommandFactory factory;
  private final AtomicBoolean exited = new AtomicBoolean();
  private final List<Future<?>> timers = new ArrayList<>(1); // guarded by itself

  // set by start(), read by destroy() and listeners on other I/O threads
  private volatile ChannelSession channel;
  private volatile OutputWriter out;
  private volatile OutputWriter err;
  private volatile boolean destroyed;

  /**
   * @param factory the factory that made it, for the server's shared scheduler and files
   */
  InJvmCommand(String name, List<String> args, Program program, InJvmCommandFactory factory) {
    this.name = name;
    this.args = args;
    this.program = program;
    this.factory = factory;
  }

  // --- MINA lifecycle -------------------------------------------------------------------------

  @Override
  public void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    this.out = new OutputWriter(ioOut);
    this.err = new OutputWriter(ioErr);
    try {
      program.start(this, args);
    } catch (RuntimeException e) {
      LOG.warn("Command '{}' failed", name, e);
      err.write((name + ": internal error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
      exit(1);
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    destroyed = true;
    OutputWriter o = out;
    OutputWriter e = err;
    if (o != null) {
      o.stop();
      e.stop();
    }
    synchronized (timers) {
      timers.forEach(t -> t.cancel(false));
      timers.clear();
    }
  }

  // --- API for programs -----------------------------------------------------------------------

  /**
   * @return the channel the command runs on
   */
  ChannelSession channel() {
    return channel;
  }

  /**
   * @return the command name as typed
   */
  String name() {
    return name;
  }

  /**
   * @return stdout
   */
  OutputWriter out() {
    return out;
  }

  /**
   * @return stderr
   */
  OutputWriter err() {
    return err;
  }

  /**
   * @return the client's stdin; at most one read may be pending
   */
  IoInputStream stdin() {
    return ioIn;
  }

  /**
   * @return the server's files for {@code cat}
   */
  FileStore files() {
    return factory.files();
  }

  /**
   * @return whether the channel was closed and the command destroyed
   */
  boolean isDestroyed() {
    return destroyed;
  }

  /** Writes {@code text} to stderr as UTF-8. */
  void printErr(String text) {
    err.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code text} to stdout as UTF-8. */
  void print(String text) {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs {@code task} on the server's shared scheduler after {@code delayNanos}, unless the command
   * is destroyed first. The task runs flagged as a MINA-internal thread so that its writes queue
   * instead of blocking during a key exchange.
   */
  void schedule(long delayNanos, Runnable task) {
    Future<?> timer =
        factory
            .scheduler()
            .schedule(
                () -> {
                  if (!destroyed) {
                    try {
                      MinaInternal.run(task::run);
                    } catch (Exception e) {
                      LOG.warn("Timer of command '{}' failed", name, e);
                    }
                  }
                },
                delayNanos,
                TimeUnit.NANOSECONDS);
    synchronized (timers) {
      timers.removeIf(Future::isDone);
      timers.add(timer);
    }
    if (destroyed) {
      timer.cancel(false);
    }
  }

  /**
   * Ends the command with {@code code} once all queued output is written. Later calls are ignored.
   */
  void exit(int code) {
    if (exited.compareAndSet(false, true)) {
      exitWhenDrained(code);
    }
  }

  /**
   * Ends the command, once all queued output is written, as killed by {@code signal} (RFC 4254 name
   * without "SIG", e.g. {@code KILL}): the client receives {@code exit-signal} and no {@code
   * exit-status}. Later calls are ignored.
   *
   * @param signal the signal name
   * @param shellCode the code a shell would report (128 + signal number), used only if the channel
   *     cannot send signals
   */
  void exitWithSignal(String signal, int shellCode) {
    if (exited.compareAndSet(false, true)) {
      if (channel instanceof EmbeddedChannelSession) {
        ((EmbeddedChannelSession) channel).exitSignal(signal);
      }
      exitWhenDrained(shellCode);
    }
  }

  private void exitWhenDrained(int code) {
    out.whenDrained(() -> err.whenDrained(() -> reportExit(code)));
  }

  private void reportExit(int code) {
    if (destroyed || channel.isClosing() || channel.getSession().isClosing()) {
      return; // nobody to report to; MINA would log a WARN for the failed EOF
    }
    try {
      MinaInternal.run(() -> exitCallback.onExit(code));
    } catch (Exception e) {
      LOG.debug("Exit of command '{}' failed: {}", name, String.valueOf(e));
    }
  }
}
