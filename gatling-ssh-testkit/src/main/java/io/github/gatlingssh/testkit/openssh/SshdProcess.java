package io.github.gatlingssh.testkit.openssh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/** One running {@code sshd -D} listener: start-up until it answers, CPU accounting, killing. */
final class SshdProcess {

  private static final int PORT_ATTEMPTS = 5;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final int MAX_LOG_IN_ERRORS = 16_000;

  /** Where sshd's files go; {@code config} is rewritten for each port tried. */
  record SshdFiles(Path config, Path log, Path output) {}

  private final Process process;
  private final int port;
  private final SshdFiles files;
  private volatile double cpuSecondsAtKill;

  private SshdProcess(Process process, int port, SshdFiles files) {
    this.process = process;
    this.port = port;
    this.files = files;
  }

  /**
   * Writes the config for a port from {@code ports}, validates it with {@code sshd -t}, starts
   * {@code sshd -D -e -f config -E log} and waits until the port answers with an SSH banner. If
   * another process took the port meanwhile, retries with the next one.
   *
   * @param configForPort the config lines for a given port
   * @throws IllegalStateException with sshd's log if it does not come up within {@code timeout}
   */
  static SshdProcess start(
      Path sshd,
      SshdFiles files,
      IntFunction<List<String>> configForPort,
      IntSupplier ports,
      Duration timeout,
      boolean root) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int port = -1;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      port = ports.getAsInt();
      SshdConfig.write(files.config(), configForPort.apply(port));
      SshdConfig.validate(sshd, files.config(), root);
      SshdProcess server = new SshdProcess(launch(sshd, files), port, files);
      if (server.awaitReady(deadline, timeout)) {
        return server;
      }
      // another process took the port between choosing it and sshd's bind(): try another one
    }
    throw failure(files, port, "no usable port after " + PORT_ATTEMPTS + " attempts");
  }

  private static Process launch(Path sshd, SshdFiles files) {
    try {
      Files.deleteIfExists(files.log());
      return new ProcessBuilder(
              sshd.toString(),
              "-D",
              "-e",
              "-f",
              files.config().toString(),
              "-E",
              files.log().toString())
          .redirectErrorStream(true)
          .redirectOutput(files.output().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + sshd, e);
    }
  }

  /**
   * Waits for sshd to log that it listens, then for its banner.
   *
   * @return false if sshd lost a race for the port
   */
  private boolean awaitReady(long deadline, Duration timeout) {
    String listening = "Server listening on " + PrivateSshd.HOST + " port " + port + ".";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        if (log().contains("Address already in use")) {
          return false;
        }
        throw failure(files, port, "sshd exited with code " + process.exitValue());
      }
      if (log().contains(listening)) {
        Optional<String> banner = ServerProbe.banner(port);
        if (banner.isPresent() && banner.get().startsWith("SSH-2.0-")) {
          awaitConnectionsGone(deadline);
          return true;
        }
        if (banner.isPresent()) {
          kill();
          throw failure(files, port, "unexpected banner: " + banner.get());
        }
      }
      ProcessTree.pause();
    }
    kill();
    throw failure(files, port, "sshd did not answer within " + timeout);
  }

  /**
   * Waits until the banner probe's per-connection sshd has exited, so that it does not count
   * against a small {@code MaxStartups} when the test connects.
   */
  private void awaitConnectionsGone(long deadline) {
    ProcessHandle listener = process.toHandle();
    long limit = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    while (listener.children().anyMatch(c -> !ProcessTree.hasExited(c))
        && System.nanoTime() < limit) {
      ProcessTree.pause();
    }
  }

  private static IllegalStateException failure(SshdFiles files, int port, String reason) {
    return new IllegalStateException(
        String.format(
            "private sshd on %s:%d failed to start: %s%n--- %s ---%n%s%n--- %s ---%n%s",
            PrivateSshd.HOST,
            port,
            reason,
            files.log(),
            tail(ServerDirectory.read(files.log())),
            files.output(),
            tail(ServerDirectory.read(files.output()))));
  }

  private static String tail(String text) {
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

  String log() {
    return ServerDirectory.read(files.log());
  }

  /** CPU seconds of the listener and its descendants; after {@link #kill()} the value then. */
  double cpuSeconds() {
    if (!process.isAlive()) {
      return cpuSecondsAtKill;
    }
    return ProcessTree.cpuSeconds(ProcessTree.members(process.toHandle()));
  }

  /**
   * SIGKILLs the listener, its descendants, and sshd processes that outlived a listener killed from
   * outside (found by the log file they hold open), then waits for them to exit.
   */
  void kill() {
    List<ProcessHandle> roots = new ArrayList<>();
    roots.add(process.toHandle());
    roots.addAll(ProcessTree.holdingOpen(Set.of(files.log(), files.output())));
    ProcessTree.kill(
        roots,
        KILL_WAIT,
        frozen -> {
          if (!frozen.isEmpty()) {
            cpuSecondsAtKill = ProcessTree.cpuSeconds(frozen);
          }
        });
    try {
      process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
