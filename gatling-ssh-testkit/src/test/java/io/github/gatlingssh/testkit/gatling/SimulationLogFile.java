package io.github.gatlingssh.testkit.gatling;

import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import io.github.gatlingssh.simulationlog.SimulationLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made simulation.log files for {@link SimulationLog}'s tests, written by the same codec
 * scale-out merges with, so the tests read exactly the bytes Gatling 3.15.1 writes.
 */
final class SimulationLogFile {

  private final RunRecord header;
  private final List<LogRecord> records = new ArrayList<>();
  private final ByteArrayOutputStream trailer = new ByteArrayOutputStream();

  /** A file whose Run record has {@code assertions} as opaque blobs. */
  SimulationLogFile(
      String simulationClass, long start, List<String> scenarios, List<byte[]> assertions) {
    header =
        new RunRecord(
            "3.15.1",
            simulationClass,
            start,
            "",
            scenarios,
            assertions.stream().map(PickledAssertion::new).toList());
  }

  SimulationLogFile user(int scenarioIndex, boolean startEvent, long timestamp) {
    records.add(new UserRecord(header.scenarios().get(scenarioIndex), startEvent, timestamp));
    return this;
  }

  SimulationLogFile request(
      List<String> groups, String name, long from, long to, boolean ok, String message) {
    records.add(new RequestRecord(groups, name, from, to, ok, message));
    return this;
  }

  SimulationLogFile group(List<String> hierarchy, long from, long to, int cumulated, boolean ok) {
    records.add(new GroupRecord(hierarchy, from, to, cumulated, ok));
    return this;
  }

  SimulationLogFile error(String message, long timestamp) {
    records.add(new ErrorRecord(message, timestamp));
    return this;
  }

  /** Raw bytes after all the records, e.g. a bogus record header. */
  SimulationLogFile raw(int... values) {
    for (int v : values) {
      trailer.write(v);
    }
    return this;
  }

  byte[] toByteArray() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SimulationLogWriter writer = new SimulationLogWriter(bytes, header)) {
      for (LogRecord r : records) {
        writer.write(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.writeBytes(trailer.toByteArray());
    return bytes.toByteArray();
  }

  Path writeTo(Path file) {
    try {
      return Files.write(file, toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
