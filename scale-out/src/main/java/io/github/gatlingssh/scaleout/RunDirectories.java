package io.github.gatlingssh.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where the injectors' logs are and where the merged run goes, in Gatling's results layout. */
final class RunDirectories {
  static final String SIMULATION_LOG = "simulation.log";
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private RunDirectories() {}

  /**
   * The {@code simulation.log} an argument stands for: the file itself, {@code DIR/simulation.log},
   * or the log of the only run folder in {@code DIR} (an injector's Gatling results folder).
   *
   * @throws MergeException naming the argument when there is no such log, or several
   */
  static Path simulationLog(Path argument) throws IOException {
    if (Files.isRegularFile(argument)) {
      return argument;
    }
    if (!Files.isDirectory(argument)) {
      throw new MergeException(argument + " does not exist");
    }
    Path direct = argument.resolve(SIMULATION_LOG);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    List<Path> runs;
    try (Stream<Path> children = Files.list(argument)) {
      runs =
          children
              .map(child -> child.resolve(SIMULATION_LOG))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    if (runs.size() != 1) {
      throw new MergeException(
          argument
              + (runs.isEmpty()
                  ? " holds no simulation.log, neither directly nor in a run folder"
                  : " holds several runs " + runs + ": name the run folder of each injector"));
    }
    return runs.get(0);
  }

  /**
   * A new run id under {@code resultsDir}, named as Gatling names runs: the simulation's simple
   * class name, lower case, then the run start (UTC).
   */
  static String newRunId(Path resultsDir, String simulationClassName, long start) {
    String simpleName = simulationClassName.substring(simulationClassName.lastIndexOf('.') + 1);
    String base =
        simpleName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\-]", "-")
            + "-"
            + RUN_ID_TIME.format(Instant.ofEpochMilli(start));
    String runId = base;
    for (int i = 1; Files.exists(resultsDir.resolve(runId)); i++) {
      runId = base + "-" + i;
    }
    return runId;
  }
}
