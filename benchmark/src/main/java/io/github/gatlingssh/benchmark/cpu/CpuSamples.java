package io.github.gatlingssh.benchmark.cpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link CpuSampler} recorded in a child JVM, read back: the CPU of the process, of the
 * machine and of each thread group over any window.
 */
public final class CpuSamples {
  private final Series process = new Series();
  private final Series machineBusy = new Series();
  private final Series machineTotal = new Series();
  private final Series heap = new Series();
  private final Map<String, Series> threads = new HashMap<>();
  private final Map<String, String> threadNames = new HashMap<>();
  private final Map<String, Double> facts = new LinkedHashMap<>();

  /**
   * A process that sampled only its own CPU (the Go client): {epoch ms, CPU ms} pairs in time
   * order; no machine, thread or heap figures (NaN or empty).
   */
  public static CpuSamples ofProcessCpu(List<double[]> samples) {
    CpuSamples s = new CpuSamples();
    samples.forEach(p -> s.process.add(p[0], p[1]));
    return s;
  }

  /** Parses the sampler's lines ("P", "M", "T", "H" and "F" records, tab-separated). */
  public static CpuSamples parse(List<String> lines) {
    CpuSamples s = new CpuSamples();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "P" -> s.process.add(Double.parseDouble(f[1]), Long.parseLong(f[2]) / 1e6);
        case "M" -> {
          double t = Double.parseDouble(f[1]);
          s.machineBusy.add(t, ProcStat.millis(Long.parseLong(f[2])));
          s.machineTotal.add(t, ProcStat.millis(Long.parseLong(f[3])));
        }
        case "T" -> {
          s.threads
              .computeIfAbsent(f[2], k -> new Series())
              .add(Double.parseDouble(f[1]), ProcStat.millis(Long.parseLong(f[3])));
          s.threadNames.put(f[2], f[4]);
        }
        case "H" -> s.heap.add(Double.parseDouble(f[1]), Long.parseLong(f[2]));
        case "F" -> s.facts.put(f[1], Double.parseDouble(f[2]));
        default -> throw new IllegalArgumentException("unknown sample record: " + line);
      }
    }
    return s;
  }

  /** This process's CPU in the window, ms, less the sampler's own. */
  public double processCpuMs(double from, double to) {
    return process.delta(from, to)
        - threadGroupCpuMs(from, to).getOrDefault(ThreadGroups.SAMPLER, 0.0);
  }

  /** All CPUs' busy time in the window, ms (2 cores fully busy for 1 s = 2000 ms). */
  public double machineBusyMs(double from, double to) {
    return machineBusy.delta(from, to);
  }

  /** Busy share of the machine's capacity in the window, 0..1. */
  public double machineUtilisation(double from, double to) {
    double total = machineTotal.delta(from, to);
    return total > 0 ? machineBusy.delta(from, to) / total : Double.NaN;
  }

  /**
   * CPU ms per thread group in the window (see {@link ThreadGroups}), from 100 ms samples: a thread
   * born inside the window counts from 0; a thread that ended counts until its last sample.
   */
  public Map<String, Double> threadGroupCpuMs(double from, double to) {
    Map<String, Double> groups = new TreeMap<>();
    threads.forEach(
        (tid, series) -> {
          double used = series.at(to, 0) - series.at(from, 0);
          groups.merge(ThreadGroups.of(threadNames.get(tid)), used, Double::sum);
        });
    return groups;
  }

  /** A named value the sampler recorded, NaN if absent. */
  public double fact(String key) {
    return facts.getOrDefault(key, Double.NaN);
  }

  /**
   * The process's CPU use over time: one point per {@code bucketMillis} from the first sample,
   * {time at the bucket's end, CPU ms used in the bucket / bucket ms}, i.e. in cores (1.0 = one
   * core busy all the time). The sampler's own thread is not taken out (it is ~1% of a core).
   */
  public List<double[]> cpuOverTime(double bucketMillis) {
    List<double[]> points = new ArrayList<>();
    if (process.isEmpty()) {
      return points;
    }
    double end = process.lastTime();
    for (double t = process.firstTime(); t + bucketMillis <= end + 1e-9; t += bucketMillis) {
      points.add(
          new double[] {t + bucketMillis, process.delta(t, t + bucketMillis) / bucketMillis});
    }
    return points;
  }

  /** Heap in use over time: {epoch ms, bytes}, one point per sample (100 ms); empty if none. */
  public List<double[]> heapOverTime() {
    return heap.points();
  }

  /** CPU of this process at its last sample, ms. */
  double processCpuAtEndMs() {
    return process.isEmpty() ? Double.NaN : process.lastValue();
  }
}
