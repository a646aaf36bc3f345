package io.github.gatlingssh.scaleout;

import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import io.github.gatlingssh.simulationlog.SimulationLogReader;
import io.github.gatlingssh.simulationlog.SimulationLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Synthetic logs written with the scale-out codec, and reading logs back whole (small ones). */
public final class Logs {
  static final String VERSION = "3.15.1";
  static final String SIMULATION = "com.example.ScaleSimulation";
  static final List<PickledAssertion> ASSERTIONS =
      List.of(new PickledAssertion(new byte[] {1, 2, 3, 4}));

  private Logs() {}

  static RunRecord header(long start, List<String> scenarios) {
    return new RunRecord(VERSION, SIMULATION, start, "", scenarios, ASSERTIONS);
  }

  static Path write(Path file, RunRecord header, List<? extends LogRecord> records)
      throws IOException {
    try (SimulationLogWriter writer = SimulationLogWriter.create(file, header)) {
      for (LogRecord r : records) {
        writer.write(r);
      }
    }
    return file;
  }

  static List<LogRecord> records(Path file) throws IOException {
    List<LogRecord> records = new ArrayList<>();
    try (SimulationLogReader reader = SimulationLogReader.open(file)) {
      for (LogRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  static RunRecord header(Path file) throws IOException {
    try (SimulationLogReader reader = SimulationLogReader.open(file)) {
      return reader.header();
    }
  }

  /** The user records of {@code records}, in order. */
  public static List<UserRecord> users(List<LogRecord> records) {
    return records.stream()
        .filter(UserRecord.class::isInstance)
        .map(UserRecord.class::cast)
        .toList();
  }
}
