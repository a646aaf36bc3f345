package io.github.gatlingssh.testkit.openssh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * What the harness's server processes share (OpenSSH's sshd, Dropbear, tcpserver running tinysshd):
 * one foreground process on a loopback port, started again on another port when it loses the race
 * for one, ready once it listens and answers with an SSH banner, killed with everything it started.
 */
abstract class ListenerProcess {

  private static final int PORT_ATTEMPTS = 5;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final int MAX_LOG_IN_ERRORS = 16_000;

  /**
   * How sshd, Dropbear ("Address already in use") and tcpserver ("address already used") say so.
   */
  private static final List<String> PORT_TAKEN = List.of("already in use", "address already used");

  final Process process;
  private final int port;

  ListenerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code launch.apply(port)} for a port from {@code ports} and waits until it listens on
   * it and answers with an SSH banner. A port taken by another process between choosing it and the
   * server's bind() is retried with the next one.
   *
   * @throws IllegalStateException with the server's log if it does not come up within {@code
   *     timeout}
   */
  static <P extends ListenerProcess> P start(
      IntFunction<P> launch, IntSupplier ports, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    P server = null;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      server = launch.apply(ports.getAsInt());
      if (server.awaitReady(deadline, timeout)) {
        return server;
      }
    }
    throw server.failure("no usable port after " + PORT_ATTEMPTS + " attempts");
  }

  /** Starts {@code command} with its stdout and stderr going to {@code output}, stdin empty. */
  static Process startProcess(List<String> command, Path output) {
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** True once the process itself listens on the port (so that the banner is its own). */
  abstract boolean listening();

  /** Why the server failed to start, with the end of its log. */
  abstract IllegalStateException failure(String reason);

  /**
   * The files the server's processes hold open: per-connection processes that outlived a listener
   * killed from outside are found by them.
   */
  abstract Set<Path> openFiles();

  /** The server's log so far. */
  abstract String log();

  /** Called with the processes about to be killed, stopped (e.g. to read their CPU time). */
  void beforeKill(List<ProcessHandle> frozen) {}

  /** Called once the process tree is killed, before waiting for the process to exit. */
  void afterKill() {}

  /**
   * Waits until the process listens and the port answers with an SSH banner.
   *
   * @return false if the process lost a race for the port
   */
  final boolean awaitReady(long deadline, Duration timeout) {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String text = log().toLowerCase(Locale.ROOT);
        if (PORT_TAKEN.stream().anyMatch(text::contains)) {
          return false;
        }
        throw failure("exited with code " + process.exitValue());
      }
      if (listening()) {
        Optional<String> banner = ServerProbe.banner(port);
        if (banner.isPresent() && banner.get().startsWith("SSH-2.0-")) {
          awaitProbeGone(deadline);
          return true;
        }
        if (banner.isPresent()) {
          kill();
          throw failure("unexpected banner: " + banner.get());
        }
      }
      ProcessTree.pause();
    }
    kill();
    throw failure("no SSH banner within " + timeout);
  }

  /**
   * Waits until the per-connection process of the banner probe has exited, so that it does not
   * count against the server's limit of unauthenticated connections when the test connects.
   */
  private void awaitProbeGone(long deadline) {
    long limit = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    while (process.toHandle().children().anyMatch(c -> !ProcessTree.hasExited(c))
        && System.nanoTime() < limit) {
      ProcessTree.pause();
    }
  }

  /** The end of {@code text}, short enough for an exception's message. */
  static String tail(String text) {
    return text.length() <= MAX_LOG_IN_ERRORS
        ? text
        : "..." + text.substring(text.length() - MAX_LOG_IN_ERRORS);
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILLs the process, its descendants, and the processes that hold its {@link #openFiles()},
   * then waits for them to exit.
   */
  final void kill() {
    List<ProcessHandle> roots = new ArrayList<>();
    roots.add(process.toHandle());
    roots.addAll(ProcessTree.holdingOpen(openFiles()));
    ProcessTree.kill(roots, KILL_WAIT, this::beforeKill);
    afterKill();
    try {
      process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
