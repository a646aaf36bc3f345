package io.github.gatlingssh.benchmark.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the measured JVMs: a fresh one per client, N and repetition, with the same flags for
 * gatling-ssh and bare MINA, and this JVM's classpath plus the simulations' compiled classes.
 */
public final class ChildJvm {

  /**
   * Default flags, the same for both JVM clients: a fixed 1 GiB heap (a run allocates a few hundred
   * MB, so a couple of young collections at most and no resizing) with the Parallel collector, the
   * HotSpot collector with the least CPU overhead (no concurrent threads, cheaper write barriers
   * than G1's), which matters when client and server share 2 cores; Gatling's simulation.log writer
   * needs the add-opens.
   */
  public static final List<String> DEFAULT_FLAGS =
      List.of(
          "-Xms1g",
          "-Xmx1g",
          "-XX:+UseParallelGC",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/jdk.internal.misc=ALL-UNNAMED");

  /** What a child did. */
  public record Exit(int code, double wallMillis) {}

  private final List<String> flags;
  private final String classpath;

  public ChildJvm(List<String> flags, Path simulationClasses) {
    this.flags = List.copyOf(flags);
    this.classpath = System.getProperty("java.class.path") + File.pathSeparator + simulationClasses;
  }

  /**
   * A launcher for JVMs that run {@code simulation}, a class of simulations/ (compiled under its
   * target/test-classes, which joins the classpath).
   *
   * @param command the command that builds and runs the benchmark, for the error message
   * @throws IllegalStateException if the simulation is not compiled
   */
  public static ChildJvm forSimulation(
      List<String> flags, Path root, String simulation, String command) {
    Path classes = root.resolve("simulations/target/test-classes");
    if (!Files.isRegularFile(classes.resolve(simulation.replace('.', '/') + ".class"))) {
      throw new IllegalStateException(
          simulation
              + " is not compiled under "
              + classes
              + ": launch the benchmark with "
              + command
              + ", which builds it");
    }
    return new ChildJvm(flags, classes);
  }

  List<String> flags() {
    return flags;
  }

  /**
   * Runs {@code mainClass} with system properties and arguments, output to {@code log}.
   *
   * @throws IllegalStateException if it does not end within {@code timeout}
   */
  public Exit run(
      String mainClass, List<String> properties, List<String> args, Path log, Duration timeout) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.add("-Dlogback.configurationFile=benchmark-logback.xml");
    cmd.addAll(properties);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    long start = System.nanoTime();
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            mainClass + " did not end within " + timeout + "; see " + log);
      }
      return new Exit(p.exitValue(), (System.nanoTime() - start) / 1e6);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
