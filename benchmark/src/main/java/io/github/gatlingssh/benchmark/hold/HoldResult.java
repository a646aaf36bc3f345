package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.report.HoldReport;
import io.github.gatlingssh.benchmark.result.Client;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's hold run.
 *
 * @param client which client
 * @param measure the heap probe's figures
 * @param ok requests that succeeded (connect, echo, disconnect)
 * @param ko requests that failed
 * @param koSamples the first failure messages
 * @param wallSeconds the client JVM's wall time, start to exit
 * @param dir the run's files (probe file, output, simulation.log)
 */
record HoldResult(
    Client client,
    HoldMeasure measure,
    int ok,
    int ko,
    List<String> koSamples,
    double wallSeconds,
    Path dir) {

  /** The report's row. */
  HoldReport.Row row() {
    List<String> problems = new ArrayList<>(koSamples);
    if (!measure.failure().isEmpty()) {
      problems.add("heap probe failed: " + measure.failure());
    }
    return new HoldReport.Row(
        client.label,
        measure.heldSessions(),
        measure.heapPerSession(),
        measure.baselineHeap(),
        measure.heldHeap(),
        measure.heldThreads(),
        measure.peakThreads(),
        ok,
        ko,
        problems,
        wallSeconds);
  }
}
