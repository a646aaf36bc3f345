package io.github.gatlingssh.simulationlog;

import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a binary {@code simulation.log} as Gatling 3.13 to 3.15 does ({@code LogFileDataWriter}):
 * the Run record first, then one record per {@link #write} call, with this file's own string cache.
 * The inverse of {@link SimulationLogReader}.
 */
public final class SimulationLogWriter implements AutoCloseable {
  private static final int BUFFER_SIZE = 1 << 16;

  private final DataOutputStream out;
  private final RunRecord header;
  private final Map<String, Integer> scenarioIndex = new HashMap<>();
  private final Map<String, Integer> cache = new HashMap<>();
  private int nextCacheIndex = 1; // 0 is never used: -0 could not mark a cache hit

  /**
   * Starts a file on {@code out} (which this writer closes) with the Run record {@code header}.
   *
   * @throws IOException if {@code out} fails
   */
  public SimulationLogWriter(OutputStream out, RunRecord header) throws IOException {
    this.out = new DataOutputStream(new BufferedOutputStream(out, BUFFER_SIZE));
    this.header = header;
    List<String> scenarios = header.scenarios();
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarioIndex.putIfAbsent(scenarios.get(i), i) != null) {
        throw new IllegalArgumentException("scenario '" + scenarios.get(i) + "' listed twice");
      }
    }
    writeRun();
  }

  /** Creates (or replaces) {@code file} and starts it with {@code header}. */
  public static SimulationLogWriter create(Path file, RunRecord header) throws IOException {
    return new SimulationLogWriter(Files.newOutputStream(file), header);
  }

  /** The Run record this file starts with. */
  public RunRecord header() {
    return header;
  }

  /**
   * Appends a record.
   *
   * @throws IllegalArgumentException if a time is more than {@link Integer#MAX_VALUE} ms (about
   *     24.8 days) before or after the run start, or a user's scenario is not in the header
   */
  public void write(LogRecord record) throws IOException {
    if (record instanceof RequestRecord r) {
      int start = offset(r.start());
      int end = offset(r.end());
      out.writeByte(1);
      writeGroups(r.groups());
      writeCached(r.name());
      out.writeInt(start);
      out.writeInt(end);
      out.writeBoolean(r.ok());
      writeCached(r.message());
    } else if (record instanceof UserRecord u) {
      Integer index = scenarioIndex.get(u.scenario());
      if (index == null) {
        throw new IllegalArgumentException(
            "scenario '" + u.scenario() + "' is not in the Run record " + header.scenarios());
      }
      int timestamp = offset(u.timestamp());
      out.writeByte(2);
      out.writeInt(index);
      out.writeBoolean(u.start());
      out.writeInt(timestamp);
    } else if (record instanceof GroupRecord g) {
      int start = offset(g.start());
      int end = offset(g.end());
      out.writeByte(3);
      writeGroups(g.hierarchy());
      out.writeInt(start);
      out.writeInt(end);
      out.writeInt(g.cumulatedResponseTime());
      out.writeBoolean(g.ok());
    } else if (record instanceof ErrorRecord e) {
      int timestamp = offset(e.timestamp());
      out.writeByte(4);
      writeCached(e.message());
      out.writeInt(timestamp);
    } else {
      throw new IllegalArgumentException("unknown record " + record);
    }
  }

  private void writeRun() throws IOException {
    out.writeByte(0);
    LogStrings.write(out, header.gatlingVersion());
    LogStrings.write(out, header.simulationClassName());
    out.writeLong(header.start());
    LogStrings.write(out, header.description());
    out.writeInt(header.scenarios().size());
    for (String scenario : header.scenarios()) {
      LogStrings.write(out, scenario);
    }
    out.writeInt(header.assertions().size());
    for (PickledAssertion assertion : header.assertions()) {
      byte[] bytes = assertion.bytes();
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private void writeGroups(List<String> groups) throws IOException {
    out.writeInt(groups.size());
    for (String group : groups) {
      writeCached(group);
    }
  }

  private void writeCached(String s) throws IOException {
    Integer index = cache.get(s);
    if (index != null) {
      out.writeInt(-index);
      return;
    }
    cache.put(s, nextCacheIndex);
    out.writeInt(nextCacheIndex++);
    LogStrings.write(out, s);
  }

  /** Checked before anything of the record is written, so a rejected record leaves no bytes. */
  private int offset(long time) {
    long offset = time - header.start();
    if (offset < Integer.MIN_VALUE || offset > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "time "
              + time
              + " is "
              + offset
              + " ms from the run start "
              + header.start()
              + ": a simulation.log holds int offsets, about 24.8 days either way");
    }
    return (int) offset;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
