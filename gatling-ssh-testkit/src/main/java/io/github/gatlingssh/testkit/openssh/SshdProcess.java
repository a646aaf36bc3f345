package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/** One running {@code sshd -D} listener: start-up until it answers, CPU accounting, killing. */
final class SshdProcess extends ListenerProcess {

  /** Where sshd's files go; {@code config} is rewritten for each port tried. */
  record SshdFiles(Path config, Path log, Path output) {}

  private final SshdFiles files;
  private volatile double cpuSecondsAtKill;

  private SshdProcess(Process process, int port, SshdFiles files) {
    super(process, port);
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
    return ListenerProcess.start(
        port -> {
          SshdConfig.write(files.config(), configForPort.apply(port));
          SshdConfig.validate(sshd, files.config(), root);
          return new SshdProcess(launch(sshd, files), port, files);
        },
        ports,
        timeout);
  }

  private static Process launch(Path sshd, SshdFiles files) {
    try {
      Files.deleteIfExists(files.log());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + sshd, e);
    }
    return startProcess(
        List.of(
            sshd.toString(),
            "-D",
            "-e",
            "-f",
            files.config().toString(),
            "-E",
            files.log().toString()),
        files.output());
  }

  /** Once sshd logs that it listens on the port. */
  @Override
  boolean listening() {
    return log().contains("Server listening on " + PrivateSshd.HOST + " port " + port() + ".");
  }

  @Override
  IllegalStateException failure(String reason) {
    return new IllegalStateException(
        String.format(
            "private sshd on %s:%d failed to start: %s%n--- %s ---%n%s%n--- %s ---%n%s",
            PrivateSshd.HOST,
            port(),
            reason,
            files.log(),
            tail(log()),
            files.output(),
            tail(ServerDirectory.read(files.output()))));
  }

  @Override
  String log() {
    return ServerDirectory.read(files.log());
  }

  @Override
  Set<Path> openFiles() {
    return Set.of(files.log(), files.output());
  }

  /** CPU seconds of the listener and its descendants; after {@link #kill()} the value then. */
  double cpuSeconds() {
    if (!process.isAlive()) {
      return cpuSecondsAtKill;
    }
    return ProcessTree.cpuSeconds(ProcessTree.members(process.toHandle()));
  }

  /** Keeps the CPU time of sshd's processes, stopped, for {@link #cpuSeconds()}. */
  @Override
  void beforeKill(List<ProcessHandle> frozen) {
    if (!frozen.isEmpty()) {
      cpuSecondsAtKill = ProcessTree.cpuSeconds(frozen);
    }
  }
}
