package io.github.gatlingssh.testkit.openssh;

import io.github.gatlingssh.testkit.TestServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the private servers of this machine's programs share ({@link PrivateSshd}, the {@link
 * ProcessServer}s): a {@link ListenerProcess} on 127.0.0.1 run for the {@link LoginUser}, a
 * temporary directory, and an idempotent close that kills the process, then cleans up.
 */
abstract class LoopbackServer implements TestServer {

  /** The address the server listens on. */
  public static final String HOST = "127.0.0.1";

  final LoginUser user;
  private final AtomicBoolean closed = new AtomicBoolean();

  LoopbackServer(LoginUser user) {
    this.user = user;
  }

  /** The listening process, or null before it started. */
  abstract ListenerProcess process();

  /** After {@link #kill()} on the first close: what else the server leaves behind. */
  abstract void cleanUp();

  /** The server's temporary directory (keys, data, log); deleted by {@link #close()}. */
  public abstract Path dir();

  /** {@value #HOST}. */
  @Override
  public String host() {
    return HOST;
  }

  /** The TCP port the server listens on. */
  @Override
  public int port() {
    return process().port();
  }

  /** The account to log in as: the current user, or {@code gatlingssh} when running as root. */
  @Override
  public String username() {
    return user.name();
  }

  /** Process id of the listening process. */
  public long pid() {
    return process().pid();
  }

  /** True while the listening process runs. */
  public boolean isAlive() {
    ListenerProcess p = process();
    return p != null && p.isAlive();
  }

  /**
   * SIGKILLs the listening process and everything it started, and processes that outlived a
   * listener killed by the test: open connections drop and the port refuses new ones once this
   * returns. The directory stays.
   */
  @Override
  public void kill() {
    ListenerProcess p = process();
    if (p != null) {
      p.kill();
    }
  }

  /** Kills the server and deletes its directory. Idempotent. */
  @Override
  public final void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      kill();
    } finally {
      cleanUp();
    }
  }

  @Override
  public String toString() {
    ListenerProcess p = process();
    return String.format(
        "%s[%s@%s:%s, dir=%s]",
        getClass().getSimpleName(), username(), HOST, p == null ? "?" : p.port(), dir());
  }
}
