package io.github.gatlingssh.benchmark.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hold mode's report: one row per client with the sessions held, heap per held session, threads
 * and requests, as Markdown and JSON.
 *
 * @param timestamp when the run started
 * @param users sessions asked for
 * @param ramp their ramp
 * @param hold how long each was held
 * @param machineBusy share of the CPUs other processes used just before the runs
 * @param rows one per client, in run order
 * @param runFiles where the runs' files are
 */
public record HoldReport(
    String timestamp,
    int users,
    Duration ramp,
    Duration hold,
    double machineBusy,
    List<HoldReport.Row> rows,
    Path runFiles) {

  /**
   * One client's figures.
   *
   * @param client the client's label
   * @param sessionsHeld connections up when the held heap was measured
   * @param heapPerSessionBytes bytes per held session, NaN if not measured
   * @param heapBeforeBytes live heap before the first session, bytes (-1: not measured)
   * @param heapHeldBytes live heap with the sessions held, bytes (-1: not measured)
   * @param threads live threads with the sessions held
   * @param peakThreads peak live threads over the run
   * @param ok requests OK
   * @param ko requests KO
   * @param problems the first KO messages, and what else went wrong
   * @param wallSeconds the client JVM's wall time
   */
  public record Row(
      String client,
      int sessionsHeld,
      double heapPerSessionBytes,
      long heapBeforeBytes,
      long heapHeldBytes,
      int threads,
      int peakThreads,
      int ok,
      int ko,
      List<String> problems,
      double wallSeconds) {}

  /** The target: bare MINA's heap per held session as measured before (issue 10). */
  public static final double TARGET_BYTES = 25 * 1024;

  private static final List<String> COLUMNS =
      List.of(
          "sessions held",
          "heap per session",
          "heap before / held",
          "threads (peak)",
          "OK",
          "KO",
          "wall");

  /** 24.6 KB (KiB, as the JVM counts); n/a for NaN. */
  public static String kilobytes(double bytes) {
    return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
  }

  private static String megabytes(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# gatling-ssh hold mode ").append(timestamp).append("\n\n");
    md.append(users)
        .append(" sessions ramped over ")
        .append(ramp.toSeconds())
        .append(" s, each held ")
        .append(hold.toSeconds())
        .append(" s with an echo every period, against the embedded server (MINA) in its own JVM")
        .append(" on 127.0.0.1. Heap per session = (live heap after a full GC with the sessions")
        .append(" held - live heap after a full GC before the first session) / sessions held,")
        .append(" measured inside the client JVM (System.gc(), then the collector's after-GC")
        .append(" usage). Machine busy before the runs: ")
        .append(Format.percent(machineBusy))
        .append(". Target: <= ")
        .append(kilobytes(TARGET_BYTES))
        .append(" per session, 0 KO.\n\n");
    MarkdownTable.header(md, List.of("client"), COLUMNS);
    for (Row r : rows) {
      md.append("| ")
          .append(r.client())
          .append(" | ")
          .append(r.sessionsHeld())
          .append(" | ")
          .append(kilobytes(r.heapPerSessionBytes()))
          .append(" | ")
          .append(megabytes(r.heapBeforeBytes()))
          .append(" / ")
          .append(megabytes(r.heapHeldBytes()))
          .append(" | ")
          .append(r.threads())
          .append(" (")
          .append(r.peakThreads())
          .append(") | ")
          .append(r.ok())
          .append(" | ")
          .append(r.ko())
          .append(" | ")
          .append(Format.millis(r.wallSeconds() * 1e3))
          .append(" |\n");
    }
    for (Row r : rows) {
      if (r.sessionsHeld() < users || r.ko() > 0) {
        md.append("\n")
            .append(r.client())
            .append(": ")
            .append(r.sessionsHeld())
            .append(" of ")
            .append(users)
            .append(" sessions held at once, ")
            .append(r.ko())
            .append(" KO: its heap per session is indicative only (sessions still in their")
            .append(" handshake or already gone were on the heap too).\n");
      }
    }
    for (Row r : rows) {
      if (!r.problems().isEmpty()) {
        md.append("\n").append(r.client()).append(": ").append(String.join("; ", r.problems()));
        md.append('\n');
      }
    }
    md.append("\nRun files: ").append(runFiles);
    return md.append('\n').toString();
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("timestamp", timestamp);
    root.put("users", users);
    root.put("rampSeconds", ramp.toSeconds());
    root.put("holdSeconds", hold.toSeconds());
    root.put("machineBusyBeforeRuns", machineBusy);
    root.put("targetHeapPerSessionBytes", TARGET_BYTES);
    root.put("clients", rows);
    root.put("runFiles", runFiles.toString());
    return Json.write(root);
  }
}
