package io.github.gatlingssh.scaleout;

import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.SimulationLogReader;
import io.github.gatlingssh.simulationlog.SimulationLogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges the {@code simulation.log} files of N injectors that ran the same simulation into one file
 * that Gatling's own reader takes for a single run:
 *
 * <ul>
 *   <li>one Run record: the earliest start, the first input's description, the union of the
 *       scenarios by name (injectors may declare them in different orders), the assertions, which
 *       must be identical in every input;
 *   <li>every input must come from the same Gatling version and simulation class;
 *   <li>every time is rebased onto the merged start, and must stay within the int offsets the
 *       format holds;
 *   <li>one string cache for the merged file;
 *   <li>records in global time order: a k-way merge over the inputs by {@link LogRecord#time()}
 *       (Gatling's concurrent-users chart assumes user records move forward in time).
 * </ul>
 *
 * <p>Streaming: one record per input is in memory at a time, plus the distinct strings, so the heap
 * needed does not grow with the number of requests.
 */
public final class LogMerger {

  /**
   * What a merge did.
   *
   * @param header the merged Run record
   * @param recordsPerInput records read from each input (the Run record not counted), in input
   *     order
   */
  public record Result(RunRecord header, List<Long> recordsPerInput) {
    /** Records written after the Run record. */
    public long records() {
      return recordsPerInput.stream().mapToLong(Long::longValue).sum();
    }
  }

  private LogMerger() {}

  /**
   * Merges {@code inputs} into {@code output}, which is written only if the whole merge succeeds.
   *
   * @throws MergeException if the inputs do not belong to one simulation run by one Gatling
   *     version, or a time falls outside the merged file's range; the message names the file
   * @throws IOException if an input is truncated or corrupt ({@link
   *     io.github.gatlingssh.simulationlog.LogFormatException}, naming the file) or cannot be read
   */
  public static Result merge(List<Path> inputs, Path output) throws IOException {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no simulation.log to merge");
    }
    List<SimulationLogReader> readers = new ArrayList<>();
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    try {
      for (Path input : inputs) {
        readers.add(SimulationLogReader.open(input));
      }
      RunRecord header = mergedHeader(readers);
      List<Long> counts;
      try (SimulationLogWriter writer = SimulationLogWriter.create(partial, header)) {
        counts = copyInTimeOrder(readers, writer);
      }
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
      return new Result(header, counts);
    } finally {
      Files.deleteIfExists(partial);
      for (SimulationLogReader reader : readers) {
        reader.close();
      }
    }
  }

  /** Checks that the inputs are parts of one run and builds the merged Run record. */
  static RunRecord mergedHeader(List<SimulationLogReader> readers) throws MergeException {
    SimulationLogReader first = readers.get(0);
    RunRecord reference = first.header();
    long start = reference.start();
    Set<String> scenarios = new LinkedHashSet<>(reference.scenarios());
    for (SimulationLogReader reader : readers.subList(1, readers.size())) {
      RunRecord h = reader.header();
      requireSame(
          reader,
          first,
          RunRecord::gatlingVersion,
          "%s was written by Gatling %s, %s by Gatling %s: every injector must run the same"
              + " Gatling version");
      requireSame(
          reader,
          first,
          RunRecord::simulationClassName,
          "%s is a run of %s, %s of %s: only runs of one simulation can be merged");
      if (!h.assertions().equals(reference.assertions())) {
        throw new MergeException(
            reader.file()
                + " has other assertions than "
                + first.file()
                + " ("
                + h.assertions().size()
                + " vs "
                + reference.assertions().size()
                + "): every injector must run the simulation with the same assertions");
      }
      start = Math.min(start, h.start());
      scenarios.addAll(h.scenarios());
    }
    return reference.with(start, List.copyOf(scenarios), reference.description());
  }

  /**
   * Fails unless {@code part} of the two inputs' Run records is the same.
   *
   * @param message the reason, formatted with the input's file and part, then the first input's
   */
  private static void requireSame(
      SimulationLogReader input,
      SimulationLogReader first,
      Function<RunRecord, String> part,
      String message)
      throws MergeException {
    String mine = part.apply(input.header());
    String reference = part.apply(first.header());
    if (!mine.equals(reference)) {
      throw new MergeException(
          String.format(Locale.ROOT, message, input.file(), mine, first.file(), reference));
    }
  }

  private static List<Long> copyInTimeOrder(
      List<SimulationLogReader> readers, SimulationLogWriter writer) throws IOException {
    long[] counts = new long[readers.size()];
    // ties keep input order, so records of one input keep their relative order
    PriorityQueue<Head> heads =
        new PriorityQueue<>(
            Comparator.comparingLong((Head h) -> h.record.time()).thenComparingInt(h -> h.input));
    for (int i = 0; i < readers.size(); i++) {
      LogRecord first = readers.get(i).next();
      if (first != null) {
        heads.add(new Head(first, i));
      }
    }
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      SimulationLogReader reader = readers.get(head.input);
      try {
        writer.write(head.record);
      } catch (IllegalArgumentException e) {
        throw new MergeException(reader.file() + ": " + e.getMessage() + " of the merged run");
      }
      counts[head.input]++;
      LogRecord next = reader.next();
      if (next != null) {
        heads.add(new Head(next, head.input));
      }
    }
    List<Long> result = new ArrayList<>();
    for (long c : counts) {
      result.add(c);
    }
    return List.copyOf(result);
  }

  private record Head(LogRecord record, int input) {}
}
