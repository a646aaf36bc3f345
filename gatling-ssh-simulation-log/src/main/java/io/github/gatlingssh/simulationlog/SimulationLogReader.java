package io.github.gatlingssh.simulationlog;

import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of a binary {@code simulation.log} written by Gatling 3.13 to 3.15 ({@code
 * io.gatling.core.stats.writer.LogFileDataWriter}), one at a time: memory stays flat whatever the
 * file's size (only the distinct cached strings are kept).
 *
 * <p>Format, big-endian: a Run record (header byte 0), then Request (1), User (2), Group (3) and
 * Error (4) records until end of file. Times are int millisecond offsets from the run start (this
 * reader returns epoch milliseconds). Names, groups and messages are cached strings: a positive
 * index followed by the string the first time, the negated index afterwards.
 *
 * <p>Unlike Gatling's report, which reports a truncated file as partial results, this reader fails:
 * a merge must not silently drop the end of an injector's run.
 *
 * <pre>{@code
 * try (SimulationLogReader reader = SimulationLogReader.open(path)) {
 *   RunRecord run = reader.header();
 *   for (LogRecord r = reader.next(); r != null; r = reader.next()) { ... }
 * }
 * }</pre>
 */
public final class SimulationLogReader implements AutoCloseable {
  private static final int BUFFER_SIZE = 1 << 16;

  private final Path file;
  private final DataInputStream in;
  private final Map<Integer, String> cache = new HashMap<>();
  private RunRecord header;
  private long recordNumber = 1;

  private SimulationLogReader(Path file, DataInputStream in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Opens {@code file} and reads its Run record.
   *
   * @throws LogFormatException if the file is empty, does not start with a Run record or is cut in
   *     it
   * @throws IOException if the file cannot be read
   */
  public static SimulationLogReader open(Path file) throws IOException {
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE));
    } catch (NoSuchFileException e) {
      throw new LogFormatException(file, "does not exist", e);
    }
    SimulationLogReader reader = new SimulationLogReader(file, in);
    try {
      reader.header = reader.readRun();
      return reader;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The Run record. */
  public RunRecord header() {
    return header;
  }

  /**
   * The next record, or {@code null} at the end of the file.
   *
   * @throws LogFormatException if the file is truncated or corrupt; the message names the file and
   *     the record number
   */
  public LogRecord next() throws IOException {
    int type = in.read();
    if (type == -1) {
      return null;
    }
    recordNumber++;
    try {
      return switch (type) {
        case 1 -> readRequest();
        case 2 -> readUser();
        case 3 -> readGroup();
        case 4 -> new ErrorRecord(readCached(), time());
        default ->
            throw new LogFormatException(
                file, "has an unknown record type " + type + " at record #" + recordNumber, null);
      };
    } catch (EOFException e) {
      throw new LogFormatException(file, "is truncated in record #" + recordNumber, e);
    } catch (LogFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new LogFormatException(file, "is corrupt at record #" + recordNumber + ": " + e, e);
    }
  }

  private RunRecord readRun() throws IOException {
    try {
      int type = in.read();
      if (type == -1) {
        throw new LogFormatException(file, "is empty", null);
      }
      if (type != 0) {
        throw new LogFormatException(
            file,
            "does not start with a Run record (first byte "
                + type
                + "): not a Gatling 3.13+"
                + " simulation.log",
            null);
      }
      String version = LogStrings.read(in);
      String simulationClass = LogStrings.read(in);
      long start = in.readLong();
      String description = LogStrings.read(in);
      int scenarioCount = count();
      List<String> scenarios = new ArrayList<>(scenarioCount);
      for (int i = 0; i < scenarioCount; i++) {
        scenarios.add(LogStrings.read(in));
      }
      int assertionCount = count();
      List<PickledAssertion> assertions = new ArrayList<>(assertionCount);
      for (int i = 0; i < assertionCount; i++) {
        int length = count();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
          throw new EOFException();
        }
        assertions.add(new PickledAssertion(bytes));
      }
      return new RunRecord(version, simulationClass, start, description, scenarios, assertions);
    } catch (EOFException e) {
      throw new LogFormatException(file, "is truncated in its Run record", e);
    } catch (LogFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new LogFormatException(file, "has a corrupt Run record: " + e, e);
    }
  }

  private RequestRecord readRequest() throws IOException {
    List<String> groups = readGroups();
    String name = readCached();
    long start = time();
    long end = time();
    boolean ok = in.readBoolean();
    return new RequestRecord(groups, name, start, end, ok, readCached());
  }

  private UserRecord readUser() throws IOException {
    int index = in.readInt();
    if (index < 0 || index >= header.scenarios().size()) {
      throw new IOException(
          "scenario index " + index + " but the Run record has " + header.scenarios().size());
    }
    boolean start = in.readBoolean();
    return new UserRecord(header.scenarios().get(index), start, time());
  }

  private GroupRecord readGroup() throws IOException {
    List<String> hierarchy = readGroups();
    long start = time();
    long end = time();
    int cumulated = in.readInt();
    return new GroupRecord(hierarchy, start, end, cumulated, in.readBoolean());
  }

  private List<String> readGroups() throws IOException {
    int size = count();
    List<String> groups = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      groups.add(readCached());
    }
    return groups;
  }

  private long time() throws IOException {
    return header.start() + in.readInt();
  }

  private int count() throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative count " + n);
    }
    return n;
  }

  private String readCached() throws IOException {
    int index = in.readInt();
    if (index >= 0) {
      String s = LogStrings.read(in);
      cache.put(index, s);
      return s;
    }
    String s = cache.get(-index);
    if (s == null) {
      throw new IOException("cached string #" + -index + " was never defined");
    }
    return s;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
