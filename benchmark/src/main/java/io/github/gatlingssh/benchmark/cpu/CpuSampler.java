package io.github.gatlingssh.benchmark.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs inside a measured JVM: every 5 ms records this process's CPU time, every 100 ms the
 * machine's busy time, the heap in use and each thread's CPU time, so that the CPU of any window
 * (known only afterwards, e.g. from Gatling's simulation.log) can be interpolated. Its own thread
 * is named {@value #THREAD_NAME}, so that its CPU can be told apart (see {@link
 * ThreadGroups#SAMPLER}).
 *
 * <p>Both CPU sources count in 10 ms ticks, so a window's CPU is exact to about +-10 ms. The lines
 * it writes are read back by {@link CpuSamples}.
 */
public final class CpuSampler implements AutoCloseable {
  private static final long PERIOD_NANOS = 5_000_000;
  private static final int SLOW_EVERY = 20;
  private static final Path TASKS = Path.of("/proc/self/task");
  static final String THREAD_NAME = "bench-cpu-sampler";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final StringBuilder out = new StringBuilder(1 << 20);
  private final Map<String, String> threadNames = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private CpuSampler() {
    thread = new Thread(this::loop, THREAD_NAME);
    thread.setDaemon(true);
  }

  public static CpuSampler start() {
    CpuSampler sampler = new CpuSampler();
    sampler.sample(true);
    sampler.thread.start();
    return sampler;
  }

  private void loop() {
    int tick = 0;
    while (running) {
      LockSupport.parkNanos(PERIOD_NANOS);
      sample(++tick % SLOW_EVERY == 0);
    }
  }

  /** Process CPU every time; machine, heap and per-thread CPU (dearer to read) every 100 ms. */
  private synchronized void sample(boolean slow) {
    double t = BenchClock.nowMillis();
    out.append("P\t").append(t).append('\t').append(processCpuNanos()).append('\n');
    if (slow) {
      ProcStat.MachineTimes machine = ProcStat.machine();
      out.append("M\t")
          .append(t)
          .append('\t')
          .append(machine.busy())
          .append('\t')
          .append(machine.total())
          .append('\n');
      out.append("H\t")
          .append(t)
          .append('\t')
          .append(memory.getHeapMemoryUsage().getUsed())
          .append('\n');
      sampleThreads(t);
    }
  }

  private long processCpuNanos() {
    long nanos = os.getProcessCpuTime();
    return nanos >= 0
        ? nanos
        : ProcStat.self().own() * (1_000_000_000L / ProcStat.TICKS_PER_SECOND);
  }

  private void sampleThreads(double t) {
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String tid = task.getFileName().toString();
        try {
          long ticks = ProcStat.parseProcess(Files.readString(task.resolve("stat"))).own();
          String name = threadNames.computeIfAbsent(tid, id -> comm(task));
          out.append("T\t")
              .append(t)
              .append('\t')
              .append(tid)
              .append('\t')
              .append(ticks)
              .append('\t')
              .append(name)
              .append('\n');
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // no /proc: no per-thread figures
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip().replace('\t', ' ');
    } catch (IOException e) {
      return "?";
    }
  }

  /** Records a named value (e.g. the JVM's total CPU at exit) with the samples. */
  synchronized void fact(String key, double value) {
    out.append("F\t").append(key).append('\t').append(value).append('\n');
  }

  /** Stops sampling (after one last sample) and writes everything to {@code file}. */
  public void stopAndWrite(Path file) {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample(true);
    fact("jvmCpuMs", processCpuNanos() / 1e6);
    fact("jvmUptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
    fact("jvmStartMs", ManagementFactory.getRuntimeMXBean().getStartTime());
    try {
      Files.writeString(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running = false;
  }
}
