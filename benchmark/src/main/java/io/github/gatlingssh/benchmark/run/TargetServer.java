package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuCgroup;
import io.github.gatlingssh.benchmark.cpu.ProcStat;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The server under load: a private OpenSSH sshd on loopback (plugin test support {@link
 * PrivateSshd}: key authentication, {@code UseDNS no}, {@code UsePAM no}, a dedicated login user
 * with a clean home when run as root) holding the seed file, and its CPU accounting.
 *
 * @param sshd the server, for its address, login user, key and known_hosts file
 * @param dataFile the seed file on it
 * @param cgroup the cgroup accounting for all its processes' CPU, null without one
 */
public record TargetServer(PrivateSshd sshd, Path dataFile, CpuCgroup cgroup)
    implements AutoCloseable {
  static final String MAX_STARTUPS = "1000:30:1000";
  static final int MAX_SESSIONS = 10;

  /** Starts sshd, puts the seed file on it and starts accounting for its CPU. */
  public static TargetServer start() {
    PrivateSshd sshd =
        PrivateSshd.start(
            SshdOptions.builder().maxStartups(MAX_STARTUPS).maxSessions(MAX_SESSIONS).build());
    try {
      return new TargetServer(
          sshd,
          sshd.createDataFile("seed.txt", SeedFile.content()),
          CpuCgroup.tryCreate(sshd.pid()));
    } catch (RuntimeException e) {
      sshd.close();
      throw e;
    }
  }

  /** Where it listens, as whom the clients log in, its file and its CPU accounting. */
  public String describe() {
    return "sshd on "
        + sshd.host()
        + ":"
        + sshd.port()
        + " as "
        + sshd.username()
        + ", file "
        + dataFile
        + ", CPU cross-check: "
        + cgroupDescription().orElse("none");
  }

  /**
   * sshd's CPU, ms, two ways: the listener's /proc figure (itself plus what it reaped) and the
   * cgroup's (everything sshd forked; NaN without cgroups).
   */
  record Cpu(double procMs, double cgroupMs) {
    Cpu minus(Cpu before) {
      return new Cpu(procMs - before.procMs, cgroupMs - before.cgroupMs);
    }

    /**
     * The cgroup's figure when there is one. The listener's undercounts: OpenSSH's per-connection
     * monitor exits without waiting for its post-auth child (the session's sshd), which is then
     * reaped by init, so that child's CPU and its shell's never reach the listener's cutime.
     */
    double best() {
      return Double.isNaN(cgroupMs) ? procMs : cgroupMs;
    }
  }

  /**
   * The listener's utime + stime + cutime + cstime, and the cgroup's usage: call {@link #awaitIdle}
   * first, so that every per-connection process has exited.
   */
  Cpu cpu() {
    double proc = ProcStat.millis(ProcStat.process(sshd.pid()).withChildren());
    return new Cpu(proc, cgroup == null ? Double.NaN : cgroup.cpuMillis());
  }

  /** How sshd's CPU is cross-checked, if it is. */
  public Optional<String> cgroupDescription() {
    return Optional.ofNullable(cgroup).map(CpuCgroup::describe);
  }

  /**
   * Waits until the listener has no child process left: all sessions' processes exited and were
   * reaped into its cutime/cstime.
   *
   * @return false on timeout
   */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ProcessHandle listener = ProcessHandle.of(sshd.pid()).orElseThrow();
    while (listener.children().findAny().isPresent()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(10);
    }
    return true;
  }

  /** The last lines of sshd's log, for error reports. */
  String logTail(int lines) {
    String[] all = sshd.log().split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      sb.append(all[i]).append('\n');
    }
    return sb.toString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      sshd.close();
    } finally {
      if (cgroup != null) {
        cgroup.close();
      }
    }
  }
}
