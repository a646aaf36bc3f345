package io.github.gatlingssh.testkit.gatling;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes simulation.log bytes the way Gatling 3.15.1's {@code LogFileDataWriter} does, so that
 * {@link SimulationLog} can be tested on exact, hand-made input. Test fixture only.
 */
final class SimulationLogWriter {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(bytes);
  private final Map<String, Integer> cache = new HashMap<>();
  private final long start;

  /** Starts the file with a Run record; {@code assertions} are written as opaque blobs. */
  SimulationLogWriter(
      String simulationClass, long start, List<String> scenarios, List<byte[]> assertions) {
    this.start = start;
    run(
        () -> {
          out.writeByte(0);
          string("3.15.1");
          string(simulationClass);
          out.writeLong(start);
          string("");
          out.writeInt(scenarios.size());
          for (String s : scenarios) {
            string(s);
          }
          out.writeInt(assertions.size());
          for (byte[] a : assertions) {
            out.writeInt(a.length);
            out.write(a);
          }
        });
  }

  SimulationLogWriter user(int scenarioIndex, boolean startEvent, long timestamp) {
    return run(
        () -> {
          out.writeByte(2);
          out.writeInt(scenarioIndex);
          out.writeBoolean(startEvent);
          out.writeInt((int) (timestamp - start));
        });
  }

  SimulationLogWriter request(
      List<String> groups, String name, long from, long to, boolean ok, String message) {
    return run(
        () -> {
          out.writeByte(1);
          groups(groups);
          cachedString(name);
          out.writeInt((int) (from - start));
          out.writeInt((int) (to - start));
          out.writeBoolean(ok);
          cachedString(message);
        });
  }

  SimulationLogWriter group(List<String> hierarchy, long from, long to, int cumulated, boolean ok) {
    return run(
        () -> {
          out.writeByte(3);
          groups(hierarchy);
          out.writeInt((int) (from - start));
          out.writeInt((int) (to - start));
          out.writeInt(cumulated);
          out.writeBoolean(ok);
        });
  }

  SimulationLogWriter error(String message, long timestamp) {
    return run(
        () -> {
          out.writeByte(4);
          cachedString(message);
          out.writeInt((int) (timestamp - start));
        });
  }

  /** Appends raw bytes, e.g. a bogus header. */
  SimulationLogWriter raw(int... values) {
    for (int v : values) {
      bytes.write(v);
    }
    return this;
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  Path writeTo(Path file) {
    try {
      return Files.write(file, toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void groups(List<String> groups) throws IOException {
    out.writeInt(groups.size());
    for (String g : groups) {
      cachedString(g);
    }
  }

  private void cachedString(String s) throws IOException {
    Integer index = cache.get(s);
    if (index != null) {
      out.writeInt(-index);
    } else {
      index = cache.size() + 1; // Gatling starts at 1: -0 could not mean "cached"
      cache.put(s, index);
      out.writeInt(index);
      string(s);
    }
  }

  /** Like String.value + String.coder: LATIN1 when possible, else UTF-16 in native order. */
  private void string(String s) throws IOException {
    if (s.isEmpty()) {
      out.writeInt(0);
      return;
    }
    boolean latin1 = s.chars().allMatch(c -> c <= 0xFF);
    byte[] value =
        latin1
            ? s.getBytes(StandardCharsets.ISO_8859_1)
            : s.getBytes(
                ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN
                    ? StandardCharsets.UTF_16BE
                    : StandardCharsets.UTF_16LE);
    out.writeInt(value.length);
    out.write(value);
    out.writeByte(latin1 ? 0 : 1);
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private SimulationLogWriter run(IoAction action) {
    try {
      action.run();
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
