package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One client's hold run in a fresh JVM against the hold server: gatling-ssh (HoldSimulation in
 * {@link HoldGatlingChild}, requests and KOs from its simulation.log) or bare MINA ({@link
 * BareHoldChild}, which counts its own); the heap and threads from the {@link HeapProbe} in either.
 */
final class HoldRun {
  static final String SIMULATION = "io.github.gatlingssh.simulations.HoldSimulation";

  /**
   * The benchmark's child flags with a 2 GiB heap: at the 49 KB per session measured before, 10,000
   * sessions are about 500 MB live, which the default 1 GiB heap holds only just.
   */
  static final List<String> CLIENT_FLAGS =
      Stream.concat(
              Stream.of("-Xms2g", "-Xmx2g"),
              ChildJvm.DEFAULT_FLAGS.stream().filter(f -> !f.startsWith("-Xm")))
          .toList();

  private final ChildJvm jvm;
  private final HoldTarget target;
  private final HoldSettings settings;
  private final Path runsDir;
  private final boolean histograms;

  HoldRun(
      ChildJvm jvm, HoldTarget target, HoldSettings settings, Path runsDir, boolean histograms) {
    this.jvm = jvm;
    this.target = target;
    this.settings = settings;
    this.runsDir = runsDir;
    this.histograms = histograms;
  }

  HoldResult run(Client client) {
    return switch (client) {
      case GATLING -> gatling();
      case MINA -> mina();
      case OPENSSH, GO -> throw new IllegalArgumentException("the hold mode runs gatling and mina");
    };
  }

  private HoldResult gatling() {
    Path dir = createDir(runsDir.resolve("gatling"));
    Path probe = dir.resolve("heap-probe.properties");
    Path results = dir.resolve("results");
    List<String> properties = properties();
    properties.add("-Dgatling.data.enableAnalytics=false");
    List<String> args =
        List.of(probe.toString(), "-s", SIMULATION, "-rf", results.toString(), "-nr");
    ChildJvm.Exit exit =
        jvm.run(
            HoldGatlingChild.class.getName(),
            properties,
            args,
            dir.resolve("output.log"),
            settings.clientTimeout());
    SimulationLog log = SimulationLog.read(simulationLog(results));
    int ok = 0;
    int ko = 0;
    List<String> samples = new ArrayList<>();
    for (SimulationLog.Request r : log.requests()) {
      if (r.ok()) {
        ok++;
      } else if (++ko <= 5) {
        samples.add(r.name() + ": " + r.message());
      }
    }
    log.errors().stream().limit(5).forEach(e -> samples.add(e.message()));
    if (exit.code() != 0 && samples.isEmpty()) {
      samples.add("Gatling exited with code " + exit.code() + "; see " + dir.resolve("output.log"));
    }
    return new HoldResult(
        Client.GATLING, HoldMeasure.read(probe), ok, ko, samples, exit.wallMillis() / 1e3, dir);
  }

  private HoldResult mina() {
    Path dir = createDir(runsDir.resolve("mina"));
    Path probe = dir.resolve("heap-probe.properties");
    ChildJvm.Exit exit =
        jvm.run(
            BareHoldChild.class.getName(),
            properties(),
            List.of(probe.toString()),
            dir.resolve("output.log"),
            settings.clientTimeout());
    HoldMeasure m = HoldMeasure.read(probe);
    List<String> samples = new ArrayList<>();
    String koSamples = m.counts().getProperty("koSamples", "");
    if (!koSamples.isEmpty()) {
      samples.addAll(Arrays.asList(koSamples.split(" \\| ")));
    }
    if (exit.code() != 0) {
      samples.add("bare MINA exited with code " + exit.code() + "; see " + dir);
    }
    return new HoldResult(
        Client.MINA,
        m,
        Integer.parseInt(m.counts().getProperty("ok", "0")),
        Integer.parseInt(m.counts().getProperty("ko", "0")),
        samples,
        exit.wallMillis() / 1e3,
        dir);
  }

  private List<String> properties() {
    List<String> p = new ArrayList<>(target.simulationProperties());
    p.addAll(settings.systemProperties());
    if (histograms) {
      p.add("-Dhold.histograms=true");
    }
    return p;
  }

  private static Path simulationLog(Path results) {
    try (Stream<Path> dirs = Files.list(results)) {
      return dirs.map(d -> d.resolve("simulation.log"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no simulation.log under " + results));
    } catch (IOException e) {
      throw new UncheckedIOException("Gatling wrote no results under " + results, e);
    }
  }

  private static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
