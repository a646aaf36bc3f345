package io.github.gatlingssh.benchmark.hold;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a {@link HeapProbe} measured in one client JVM, read back from its file.
 *
 * @param baselineHeap live heap (bytes) after a full collection before the first session, -1 if
 *     none was taken
 * @param heldHeap live heap after a full collection with the sessions held, -1 if none
 * @param heldSessions established connections to the server right after that collection
 * @param heldThreads live threads then
 * @param peakThreads the JVM's peak live thread count over the run
 * @param maxSessions most connections seen at once
 * @param failure what went wrong in the probe, or empty
 * @param counts the client's own request counts when it wrote them (bare MINA), else empty
 */
record HoldMeasure(
    long baselineHeap,
    long heldHeap,
    int heldSessions,
    int heldThreads,
    int peakThreads,
    int maxSessions,
    String failure,
    Properties counts) {

  static HoldMeasure read(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the client wrote no heap probe file " + file, e);
    }
    return new HoldMeasure(
        Long.parseLong(p.getProperty("baseline.heapBytes", "-1")),
        Long.parseLong(p.getProperty("held.heapBytes", "-1")),
        Integer.parseInt(p.getProperty("held.connections", "0")),
        Integer.parseInt(p.getProperty("held.threads", "0")),
        Integer.parseInt(p.getProperty("peakThreads", "0")),
        Integer.parseInt(p.getProperty("maxConnections", "0")),
        p.getProperty("failure", ""),
        p);
  }

  /**
   * Heap per held session in bytes: (held - baseline) / sessions held; NaN when either collection
   * is missing or no session was held.
   */
  double heapPerSession() {
    if (baselineHeap < 0 || heldHeap < 0 || heldSessions <= 0) {
      return Double.NaN;
    }
    return (double) (heldHeap - baselineHeap) / heldSessions;
  }
}
