package io.github.gatlingssh.scaleout;

import io.github.gatlingssh.simulationlog.SimulationLogReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scale-out/merge OUT_DIR RUN_DIR...}: merges the injectors' {@code simulation.log} files
 * into a new run folder of {@code OUT_DIR} ({@link LogMerger}), runs Gatling's reports-only
 * generation on it and prints the path of the report.
 *
 * <p>Exit code as Gatling's: 0, or 2 when the simulation's assertions fail on the merged data; 1
 * when the inputs cannot be merged (the message names the file).
 */
public final class Merge {
  static final int INVALID_INPUT = 1;

  private Merge() {}

  /** Runs the merge and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /**
   * Runs the merge.
   *
   * @param args {@code OUT_DIR RUN_DIR...}; a RUN_DIR is a run folder, its {@code simulation.log},
   *     or a results folder holding one run
   * @return the exit code
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() < 2 || args.get(0).startsWith("-")) {
      err.println(
          "usage: merge OUT_DIR RUN_DIR...   (each RUN_DIR: an injector's run folder,"
              + " its simulation.log, or a results folder holding one run)");
      return INVALID_INPUT;
    }
    try {
      Path resultsDir = Path.of(args.get(0)).toAbsolutePath().normalize();
      List<Path> inputs = new ArrayList<>();
      for (String arg : args.subList(1, args.size())) {
        inputs.add(RunDirectories.simulationLog(Path.of(arg)));
      }
      checkReadable(inputs.get(0));
      Path report = mergeAndReport(resultsDir, inputs, out);
      if (report == null) {
        err.println("Assertions failed on the merged data (see above)");
        return ReportsOnly.ASSERTIONS_FAILED;
      }
      return 0;
    } catch (IOException e) {
      err.println("Cannot merge: " + e.getMessage());
      return INVALID_INPUT;
    }
  }

  /** Fails early, before any merge work, when Gatling here cannot read the inputs' version. */
  private static void checkReadable(Path first) throws IOException {
    String version;
    try (SimulationLogReader reader = SimulationLogReader.open(first)) {
      version = reader.header().gatlingVersion();
    }
    if (!version.equals(ReportsOnly.gatlingVersion())) {
      throw new MergeException(
          first
              + " was written by Gatling "
              + version
              + " but the report generator here is Gatling "
              + ReportsOnly.gatlingVersion()
              + ": Gatling only reads logs of its own version; merge with a scale-out built for "
              + version);
    }
  }

  /**
   * @return the report's index.html, or {@code null} when the assertions failed
   */
  private static Path mergeAndReport(Path resultsDir, List<Path> inputs, PrintStream out)
      throws IOException {
    // the run id is named after the earliest start, known only after reading every header
    Path staging = Files.createTempDirectory(ensure(resultsDir), ".merge-");
    Path merged = staging.resolve(RunDirectories.SIMULATION_LOG);
    LogMerger.Result result;
    try {
      result = LogMerger.merge(inputs, merged);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(staging);
      throw e;
    }
    String runId =
        RunDirectories.newRunId(
            resultsDir, result.header().simulationClassName(), result.header().start());
    Path runDir = resultsDir.resolve(runId);
    Files.move(staging, runDir);
    out.printf(
        "Merged %d simulation.log files (%,d records) into %s%n",
        inputs.size(), result.records(), runDir.resolve(RunDirectories.SIMULATION_LOG));
    int code = ReportsOnly.generate(resultsDir, runId);
    Path index = runDir.resolve("index.html");
    out.println("Merged report: " + index);
    return code == 0 ? index : null;
  }

  private static Path ensure(Path dir) throws IOException {
    return Files.createDirectories(dir);
  }
}
