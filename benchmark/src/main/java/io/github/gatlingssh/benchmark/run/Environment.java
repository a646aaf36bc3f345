package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.ProcStat;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where the benchmark ran: machine, versions, settings. */
public final class Environment {
  private Environment() {}

  public static Map<String, Object> describe(TargetServer server, ChildJvm jvm, Path repository) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("code", code(repository));
    env.put("cpus", Runtime.getRuntime().availableProcessors());
    env.put("cpuModel", cpuModel());
    env.put("memoryGiB", memoryGiB());
    env.put("kernel", firstLine(Path.of("/proc/sys/kernel/osrelease")));
    env.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    env.put("childJvmFlags", String.join(" ", jvm.flags()));
    env.put("gatling", "3.15.1");
    env.put(
        "minaSshd",
        String.valueOf(
            org.apache.sshd.client.SshClient.class.getPackage().getImplementationVersion()));
    env.put("sshd", output(List.of("/usr/sbin/sshd", "-V"), "OpenSSH"));
    env.put("sshClient", output(List.of("ssh", "-V"), "OpenSSH"));
    env.put("go", output(List.of("go", "version"), "go version"));
    env.put(
        "server",
        "private OpenSSH sshd on "
            + server.sshd().host()
            + ":"
            + server.sshd().port()
            + ", MaxStartups "
            + TargetServer.MAX_STARTUPS
            + ", MaxSessions "
            + TargetServer.MAX_SESSIONS
            + ", UseDNS no, UsePAM no, LogLevel VERBOSE, user "
            + server.sshd().username()
            + ", ed25519 user key");
    env.put(
        "file",
        server.dataFile() + " (" + SeedFile.SIZE + " bytes, " + SeedFile.LINE_COUNT + " lines)");
    env.put("serverCpuCrossCheck", server.cgroupDescription().orElse("none (no writable cgroup)"));
    return env;
  }

  /** Busy share under which the machine counts as quiet before a run. */
  public static final double QUIET = 0.10;

  private static final long QUIET_PROBE_MILLIS = 300;
  private static final long QUIET_MAX_WAIT_MILLIS = 15_000;

  /** All waits together: the benchmark must end within minutes even on a busy machine. */
  private static final long QUIET_TOTAL_WAIT_MILLIS = 120_000;

  private static long waitedMillis;

  /**
   * Before a run: waits until the machine is quiet, i.e. other processes leave the CPUs to the
   * benchmark, so that runs on a shared machine are less noisy; at most 15 s per run and 2 min in
   * all.
   *
   * @return the busy share of the last probe, recorded with the run
   */
  public static synchronized double awaitQuietMachine() {
    long start = System.nanoTime();
    long budget = Math.min(QUIET_MAX_WAIT_MILLIS, QUIET_TOTAL_WAIT_MILLIS - waitedMillis);
    double busy = machineLoad(QUIET_PROBE_MILLIS);
    while (busy > QUIET && (System.nanoTime() - start) / 1_000_000 < budget) {
      busy = machineLoad(QUIET_PROBE_MILLIS);
    }
    waitedMillis += (System.nanoTime() - start) / 1_000_000 - QUIET_PROBE_MILLIS;
    return busy;
  }

  /** The machine's busy share (all CPUs, /proc/stat) over {@code millis}, 0..1. */
  public static double machineLoad(long millis) {
    ProcStat.MachineTimes before = ProcStat.machine();
    TargetServer.sleep(millis);
    ProcStat.MachineTimes after = ProcStat.machine();
    long total = after.total() - before.total();
    return total > 0 ? (after.busy() - before.busy()) / (double) total : Double.NaN;
  }

  /** The commit measured, and whether the plugin or simulations had uncommitted changes. */
  private static String code(Path repository) {
    String commit =
        output(List.of("git", "-C", repository.toString(), "rev-parse", "--short", "HEAD"), "");
    if (commit.isBlank() || commit.contains("fatal")) {
      return "not a git checkout";
    }
    String changes =
        output(
            List.of(
                "git",
                "-C",
                repository.toString(),
                "status",
                "--porcelain",
                "--",
                "gatling-ssh-plugin/src",
                "simulations/src"),
            "");
    return "commit "
        + commit
        + (changes.isBlank() ? "" : " with uncommitted changes to the plugin or simulations");
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static long memoryGiB() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).get(0).strip();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }

  /** The first output line containing {@code marker}, else all of it. */
  private static String output(List<String> cmd, String marker) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return out.lines().filter(l -> l.contains(marker)).findFirst().orElse(out.strip());
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
