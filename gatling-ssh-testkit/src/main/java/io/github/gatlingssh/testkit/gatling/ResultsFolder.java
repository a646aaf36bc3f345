package io.github.gatlingssh.testkit.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gatling's results folder ({@code -rf}): finds the run directory that a run created in it by
 * comparing its run directories before and after the run.
 */
final class ResultsFolder {

  static final String SIMULATION_LOG = "simulation.log";

  private final Path dir;

  /** {@code dir} must be absolute and normalized; it need not exist yet. */
  ResultsFolder(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Gatling's run id prefix: the simple class name, "cleaned" like Gatling's StringHelper. */
  static String simulationId(Class<?> simulation) {
    return Normalizer.normalize(simulation.getSimpleName(), Normalizer.Form.NFD)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\p{InCombiningDiacriticalMarks}+", "-")
        .replaceAll("[^a-zA-Z0-9\\-]", "-");
  }

  /** The run directories holding a simulation.log now. */
  Set<Path> runDirs() {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> dirs = Files.list(dir)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(SIMULATION_LOG)))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The newest run directory of {@code simulation} that was not there {@code before}.
   *
   * @throws IllegalStateException if there is none
   */
  Path newRunDir(Set<Path> before, Class<?> simulation, int exitCode) {
    String id = simulationId(simulation);
    return runDirs().stream()
        .filter(d -> !before.contains(d))
        .filter(d -> d.getFileName().toString().startsWith(id + "-"))
        .max(Comparator.comparing(d -> d.getFileName().toString()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Gatling exited with code "
                        + exitCode
                        + " but wrote no new "
                        + id
                        + "-<timestamp>/"
                        + SIMULATION_LOG
                        + " under "
                        + dir
                        + " (is the 'file' data writer disabled by gatling.data.writers?)"));
  }
}
