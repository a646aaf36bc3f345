package io.github.gatlingssh.testkit.gatling;

import io.gatling.javaapi.core.Simulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a real Gatling simulation in the current JVM through Gatling's own entry point ({@code
 * io.gatling.app.Gatling.fromArgs}) and reads back its {@code simulation.log}.
 *
 * <p>Requirements and behaviour:
 *
 * <ul>
 *   <li>The JVM needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (surefire {@code
 *       <argLine>}): Gatling's simulation.log writer reads {@code String} internals and fails
 *       otherwise. {@link #run} checks this first and fails with an explanation.
 *   <li>Runs are serialized (one at a time per JVM), because system properties are global. The new
 *       run directory is found by comparing the results folder before and after the run, so JVMs
 *       running concurrently (surefire {@code forkCount > 1}) need distinct folders, see {@link
 *       Options#withResultsDirectory}.
 *   <li>Typesafe Config caches system properties after the first read; the runner invalidates that
 *       cache before and after each run, so {@code -Dgatling.*} overrides given in {@link
 *       Options#systemProperties()} reach {@code GatlingConfiguration} every time. Gatling loads
 *       {@code gatling.conf} from the classpath as usual.
 *   <li>{@code gatling.data.enableAnalytics} defaults to {@code false} here (Gatling would
 *       otherwise post a usage event over the network on every run).
 *   <li>Gatling stops the Logback {@code LoggerContext} at the end of every run (finally block of
 *       {@code Gatling.start}), which silences all logging for the rest of the JVM. The runner
 *       re-initializes Logback from its usual configuration files after each run.
 *   <li>With assertions or reports, Gatling re-reads the log itself and crashes ("Run didn't last")
 *       if all events fall in the same millisecond; tiny fake simulations must last a few ms. Real
 *       network requests always do.
 *   <li>The first run in a JVM takes 2-4 s (class loading); later tiny runs take tens of ms.
 * </ul>
 */
public final class GatlingRunner {

  /**
   * Default results folder, relative to the working directory (the module dir under Maven): one per
   * test JVM, so runs of JVMs working at the same time never see each other's run directories.
   */
  public static final Path DEFAULT_RESULTS_DIRECTORY =
      Path.of("target", "gatling-it", "jvm-" + ProcessHandle.current().pid());

  private GatlingRunner() {}

  /**
   * Options of a run; immutable, build with {@link #defaults()} and the {@code with*} methods.
   *
   * @param systemProperties properties set for the duration of the run, then restored
   * @param reports whether Gatling generates the HTML report
   * @param resultsDirectory the results folder ({@code -rf}), relative paths resolve against the
   *     working directory
   * @param description run description ({@code -rd}), or {@code null}
   */
  public record Options(
      Map<String, String> systemProperties,
      boolean reports,
      Path resultsDirectory,
      String description) {

    /** Validates and copies the arguments. */
    public Options {
      systemProperties = Map.copyOf(systemProperties);
      Objects.requireNonNull(resultsDirectory, "resultsDirectory");
    }

    /** No extra system properties, no reports, results under {@code target/gatling-it}. */
    public static Options defaults() {
      return new Options(Map.of(), false, DEFAULT_RESULTS_DIRECTORY, null);
    }

    /** A copy with one more system property. */
    public Options withSystemProperty(String key, String value) {
      Map<String, String> copy = new HashMap<>(systemProperties);
      copy.put(key, value);
      return new Options(copy, reports, resultsDirectory, description);
    }

    /** A copy with these system properties added. */
    public Options withSystemProperties(Map<String, String> properties) {
      Map<String, String> copy = new HashMap<>(systemProperties);
      copy.putAll(properties);
      return new Options(copy, reports, resultsDirectory, description);
    }

    /** A copy with HTML report generation switched on or off. */
    public Options withReports(boolean enabled) {
      return new Options(systemProperties, enabled, resultsDirectory, description);
    }

    /** A copy with another results folder. */
    public Options withResultsDirectory(Path directory) {
      return new Options(systemProperties, reports, directory, description);
    }

    /** A copy with a run description. */
    public Options withDescription(String runDescription) {
      return new Options(systemProperties, reports, resultsDirectory, runDescription);
    }
  }

  /** Runs {@code simulation} with {@link Options#defaults()}. */
  public static GatlingResult run(Class<? extends Simulation> simulation) {
    return run(simulation, Options.defaults());
  }

  /** Runs {@code simulation} with these system properties set during the run. */
  public static GatlingResult run(
      Class<? extends Simulation> simulation, Map<String, String> systemProperties) {
    return run(simulation, Options.defaults().withSystemProperties(systemProperties));
  }

  /**
   * Runs {@code simulation} in this JVM and parses what it recorded.
   *
   * <p>The exit code is returned, not checked: 0 is success, 2 means assertions failed.
   *
   * @return exit code, run directory and parsed simulation.log
   * @throws IllegalStateException if the JVM lacks the required {@code --add-opens}, if Gatling
   *     crashed (the cause is attached), or if the run wrote no simulation.log
   */
  public static synchronized GatlingResult run(
      Class<? extends Simulation> simulation, Options options) {
    checkStringInternals();
    var results = new ResultsFolder(options.resultsDirectory().toAbsolutePath().normalize());
    Set<Path> before = results.runDirs();
    Map<String, String> previous = RunProperties.apply(options.systemProperties());
    int exitCode;
    try {
      exitCode =
          io.gatling.app.Gatling$.MODULE$.fromArgs(arguments(simulation, results.dir(), options));
    } catch (Throwable t) { // Scala code also throws undeclared checked exceptions
      throw new IllegalStateException(crashMessage(simulation, t), t);
    } finally {
      RunProperties.restore(previous);
      LogbackRestart.afterRun();
    }
    Path runDir = results.newRunDir(before, simulation, exitCode);
    SimulationLog log = SimulationLog.read(runDir.resolve(ResultsFolder.SIMULATION_LOG));
    Path index = runDir.resolve("index.html");
    return new GatlingResult(
        exitCode, runDir, log, Files.exists(index) ? Optional.of(index) : Optional.empty());
  }

  private static String crashMessage(Class<?> simulation, Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = "Gatling run of " + simulation.getName() + " crashed: " + root;
    String rootMessage = String.valueOf(root.getMessage());
    if (rootMessage.contains("Run didn't last") || rootMessage.contains("Undefined run")) {
      // LogFileReader, used for assertions and reports, rejects runs without events or whose
      // events all fall in the same millisecond
      message +=
          " (Gatling cannot compute assertions or reports for a run that lasts under 1 ms"
              + " or records nothing; make the simulation last a few ms, e.g. with a pause)";
    }
    return message;
  }

  private static String[] arguments(
      Class<? extends Simulation> simulation, Path resultsDir, Options options) {
    // option names: io.gatling.shared.cli.GatlingCliOptions
    List<String> args =
        new ArrayList<>(List.of("-s", simulation.getName(), "-rf", resultsDir.toString()));
    if (!options.reports()) {
      args.add("-nr");
    }
    if (options.description() != null) {
      // Gatling base64-decodes -rd when it can, so "abcd" would arrive as garbage: encode it
      byte[] utf8 = options.description().getBytes(StandardCharsets.UTF_8);
      args.addAll(List.of("-rd", Base64.getEncoder().encodeToString(utf8)));
    }
    return args.toArray(String[]::new);
  }

  private static void checkStringInternals() {
    try {
      io.gatling.core.stats.writer.StringInternals.checkAvailability();
    } catch (Throwable t) {
      throw new IllegalStateException(
          "Gatling cannot write simulation.log in this JVM: add "
              + "'--add-opens java.base/java.lang=ALL-UNNAMED' to the test JVM "
              + "(maven-surefire-plugin <argLine>)",
          t);
    }
  }
}
