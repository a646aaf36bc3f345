package io.github.gatlingssh.testkit.openssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived external command (ssh-keygen, useradd, sshd -t, ssh, ...) and captures its
 * output. Error messages name the program and the caller's description only, never the full
 * argument list, so callers can pass secrets (passphrases) as arguments or on stdin safely.
 */
final class CommandRunner {

  /** Default limit for helper commands; generous because CI machines can be slow. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Outcome of a finished command. */
  record Result(int exitCode, String stdout, String stderr) {

    boolean ok() {
      return exitCode == 0;
    }

    /** stdout and stderr together, for error messages. */
    String output() {
      if (stderr.isEmpty()) {
        return stdout;
      }
      return stdout.isEmpty() ? stderr : stdout + "\n" + stderr;
    }
  }

  private CommandRunner() {}

  /** Runs {@code command} with no input and the default timeout. */
  static Result run(List<String> command) {
    return run(command, null, DEFAULT_TIMEOUT);
  }

  /**
   * Runs {@code command}, writes {@code stdin} (if not null) to it, and waits up to {@code
   * timeout}.
   *
   * @throws IllegalStateException if the command cannot be started or does not finish in time
   */
  static Result run(List<String> command, String stdin, Duration timeout) {
    String program = command.get(0);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + program + ": " + e.getMessage(), e);
    }
    StreamCollector out = StreamCollector.start(process.getInputStream(), program + "-stdout");
    StreamCollector err = StreamCollector.start(process.getErrorStream(), program + "-stderr");
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the command exited without reading its input; its exit code tells the rest
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), out.await(), err.await());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while waiting for " + program, e);
    }
  }

  /**
   * Runs {@code command} and returns its stdout, failing with {@code description} and the command's
   * output if it exits non-zero.
   */
  static String runOrFail(String description, List<String> command) {
    Result result = run(command);
    if (!result.ok()) {
      throw new IllegalStateException(
          description + " failed (exit " + result.exitCode() + "): " + result.output().strip());
    }
    return result.stdout();
  }

  /** Drains one stream of a child process on a daemon thread. */
  private static final class StreamCollector {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamCollector(InputStream stream, String name) {
      thread = new Thread(() -> drain(stream), name);
      thread.setDaemon(true);
    }

    static StreamCollector start(InputStream stream, String name) {
      StreamCollector collector = new StreamCollector(stream, name);
      collector.thread.start();
      return collector;
    }

    private void drain(InputStream stream) {
      try (stream) {
        byte[] chunk = new byte[8192];
        int n;
        while ((n = stream.read(chunk)) >= 0) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException e) {
        // stream closed because the process was killed: keep what was read
      }
    }

    String await() throws InterruptedException {
      thread.join(TimeUnit.SECONDS.toMillis(10));
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
