package io.github.gatlingssh.benchmark.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An independent check of sshd's CPU accounting: a CPU-accounting cgroup holding the sshd listener,
 * which every per-connection process it forks inherits. Linux charges the cgroup with nanosecond
 * precision whether or not a process is ever reaped. Needs root and a writable cgroup file system
 * (v1 cpuacct or v2); elsewhere the check is skipped.
 */
public final class CpuCgroup implements AutoCloseable {
  private static final Path V1_CPUACCT = Path.of("/sys/fs/cgroup/cpuacct");
  private static final List<Path> V2_ROOTS =
      List.of(Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/unified"));

  private final Path dir;
  private final boolean v1;

  private CpuCgroup(Path dir, boolean v1) {
    this.dir = dir;
    this.v1 = v1;
  }

  /** Moves {@code pid} into a new cgroup; null if cgroups cannot be used here. */
  public static CpuCgroup tryCreate(long pid) {
    String name = "gatlingssh-benchmark-" + ProcessHandle.current().pid();
    if (Files.isRegularFile(V1_CPUACCT.resolve("cpuacct.usage"))) {
      CpuCgroup g = tryCreate(V1_CPUACCT.resolve(name), true, pid);
      if (g != null) {
        return g;
      }
    }
    for (Path root : V2_ROOTS) {
      if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
        CpuCgroup g = tryCreate(root.resolve(name), false, pid);
        if (g != null) {
          return g;
        }
      }
    }
    return null;
  }

  private static CpuCgroup tryCreate(Path dir, boolean v1, long pid) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
      CpuCgroup g = new CpuCgroup(dir, v1);
      g.cpuMillis();
      return g;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // not ours to clean, or not empty
      }
      return null;
    }
  }

  /** CPU charged to the cgroup so far, ms. */
  public double cpuMillis() {
    try {
      if (v1) {
        return Long.parseLong(Files.readString(dir.resolve("cpuacct.usage")).strip()) / 1e6;
      }
      return parseV2UsageMicros(Files.readString(dir.resolve("cpu.stat"))) / 1e3;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dir, e);
    }
  }

  static long parseV2UsageMicros(String cpuStat) {
    for (String line : cpuStat.split("\n")) {
      if (line.startsWith("usage_usec ")) {
        return Long.parseLong(line.substring("usage_usec ".length()).strip());
      }
    }
    throw new IllegalArgumentException("no usage_usec in cpu.stat");
  }

  public String describe() {
    return (v1 ? "cgroup v1 cpuacct " : "cgroup v2 ") + dir;
  }

  /** Removes the cgroup once its processes are gone (call after sshd was stopped). */
  @Override
  public void close() {
    for (int i = 0; i < 50; i++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
