package io.github.gatlingssh.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the directory of the run's report. Gatling gives plugins neither the run id nor the results
 * folder ({@code -rf} reaches only its writers), so while the run lasts the directory is read from
 * the file Gatling has open: the one {@code simulation.log} among this process' file descriptors
 * (Linux {@code /proc}; elsewhere the page goes to the working directory).
 */
final class RunDirectory {
  private static final Path FDS = Path.of("/proc/self/fd");

  private RunDirectory() {}

  /** The directory holding the open simulation.log, or null when none is open (yet). */
  static Path probe() {
    if (!Files.isDirectory(FDS)) {
      return null;
    }
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.map(RunDirectory::target)
          .filter(
              p ->
                  p != null
                      && p.getFileName() != null
                      && p.getFileName().toString().equals("simulation.log"))
          .map(Path::getParent)
          .findFirst()
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Path target(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException | RuntimeException e) {
      return null; // closed meanwhile
    }
  }
}
