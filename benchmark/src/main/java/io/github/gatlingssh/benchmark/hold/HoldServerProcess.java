package io.github.gatlingssh.benchmark.hold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hold server ({@link HoldServer}) in a JVM of its own, started from this JVM's classpath:
 * output to a log file, the target read from its first line, stopped by closing its standard input.
 * It also stops by itself after its time limit.
 *
 * @param process the server's JVM
 * @param target where its server listens, as it printed it
 * @param log its output
 */
record HoldServerProcess(Process process, HoldTarget target, Path log) implements AutoCloseable {
  /**
   * A 2 GiB heap: MINA's server side of 10,000 sessions (a 16 KiB read buffer each, the decoder's
   * and the channels' buffers) needs several hundred MB.
   */
  static final List<String> FLAGS = List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC");

  static HoldServerProcess start(Path log, Duration timeLimit) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(FLAGS);
    cmd.add("-Dlogback.configurationFile=benchmark-logback.xml");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HoldServer.class.getName());
    cmd.add("seconds=" + timeLimit.toSeconds());
    Process p;
    try {
      Files.createDirectories(log.getParent());
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd.get(0), e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      Optional<HoldTarget> target = targetLine(log);
      if (target.isPresent()) {
        return new HoldServerProcess(p, target.get(), log);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    p.destroyForcibly();
    throw new IllegalStateException("the hold server did not start within 60 s; see " + log);
  }

  private static Optional<HoldTarget> targetLine(Path log) {
    try {
      return Files.readAllLines(log).stream()
          .filter(l -> l.startsWith(HoldTarget.PREFIX))
          .findFirst()
          .map(HoldTarget::parse);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Closes its input (it stops and exits); kills it if it has not within 30 s. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "hold server pid " + process.pid() + " on " + target.host() + ":" + target.port();
  }
}
