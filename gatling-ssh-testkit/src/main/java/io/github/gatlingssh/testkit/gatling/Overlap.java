package io.github.gatlingssh.testkit.gatling;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of the recorded requests were in flight at the same moment: the proof of non-blocking
 * I/O without timing.
 */
public final class Overlap {
  private Overlap() {}

  public static int max(List<SimulationLog.Request> requests) {
    List<long[]> events = new ArrayList<>();
    for (SimulationLog.Request r : requests) {
      events.add(new long[] {r.start(), 1});
      events.add(new long[] {r.end(), -1});
    }
    // ends before starts at the same millisecond: touching intervals do not overlap
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int current = 0;
    int max = 0;
    for (long[] e : events) {
      current += (int) e[1];
      max = Math.max(max, current);
    }
    return max;
  }
}
