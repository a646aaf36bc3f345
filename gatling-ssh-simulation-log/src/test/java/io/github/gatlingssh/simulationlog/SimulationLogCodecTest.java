package io.github.gatlingssh.simulationlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord.PickledAssertion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogCodecTest {
  private static final long START = 1_764_590_000_000L;
  private static final RunRecord HEADER =
      new RunRecord(
          "3.15.1",
          "com.example.Sim",
          START,
          "nightly ✓",
          List.of("scénario", "日本"),
          List.of(new PickledAssertion(new byte[] {9, 8, 7})));
  private static final List<LogRecord> RECORDS =
      List.of(
          new UserRecord("日本", true, START + 1),
          new RequestRecord(List.of("outer", "inner"), "exec ✓", START + 2, START + 7, true, ""),
          new RequestRecord(List.of("outer", "inner"), "exec ✓", START + 3, START + 9, false, "ko"),
          new RequestRecord(List.of(), "café", START - 5, START + 10, false, "ko"),
          new GroupRecord(List.of("outer", "inner"), START + 2, START + 11, 11, false),
          new ErrorRecord("exec: crashed ", START + 12),
          new UserRecord("scénario", false, START + 13));

  @TempDir Path dir;

  @Test
  void recordsSurviveAWriteAndARead() throws IOException {
    Path file = write(dir.resolve("simulation.log"), RECORDS);

    try (SimulationLogReader reader = SimulationLogReader.open(file)) {
      assertThat(reader.header()).isEqualTo(HEADER);
      List<LogRecord> read = new ArrayList<>();
      for (LogRecord r = reader.next(); r != null; r = reader.next()) {
        read.add(r);
      }
      assertThat(read).isEqualTo(RECORDS);
    }
  }

  @Test
  void aStringIsWrittenOnceThenReferencedByItsCacheIndex() throws IOException {
    List<LogRecord> twice =
        List.of(
            new RequestRecord(List.of(), "distinctive-name", START, START + 1, true, ""),
            new RequestRecord(List.of(), "distinctive-name", START, START + 2, true, ""));
    byte[] bytes = Files.readAllBytes(write(dir.resolve("simulation.log"), twice));

    byte[] name = "distinctive-name".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(occurrences(bytes, name)).isEqualTo(1);
  }

  @Test
  void aTruncatedFileIsRejectedNamingTheFileAndTheRecord() throws IOException {
    Path file = write(dir.resolve("cut.log"), RECORDS);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated in record #8");
  }

  @Test
  void aFileCutInItsRunRecordIsRejected() throws IOException {
    Path file = write(dir.resolve("cut.log"), RECORDS);
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 10));

    assertThatThrownBy(() -> SimulationLogReader.open(file))
        .isInstanceOf(LogFormatException.class)
        .hasMessage(file + " is truncated in its Run record");
  }

  @Test
  void emptyAndForeignFilesAreRejected() throws IOException {
    Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);
    Path text = Files.writeString(dir.resolve("text.log"), "RUN\tcom.example.Sim\n");

    assertThatThrownBy(() -> SimulationLogReader.open(empty)).hasMessage(empty + " is empty");
    assertThatThrownBy(() -> SimulationLogReader.open(text))
        .hasMessageStartingWith(text + " does not start with a Run record")
        .hasMessageContaining("not a Gatling 3.13+ simulation.log");
    assertThatThrownBy(() -> SimulationLogReader.open(dir.resolve("none.log")))
        .hasMessageEndingWith("none.log does not exist");
  }

  @Test
  void anUnknownRecordTypeIsRejected() throws IOException {
    Path file = write(dir.resolve("odd.log"), RECORDS.subList(0, 1));
    Files.write(file, new byte[] {7}, java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> readAll(file))
        .hasMessage(file + " has an unknown record type 7 at record #3");
  }

  @Test
  void theWriterRejectsTimesOutsideTheIntOffsetsAndUnknownScenarios() throws IOException {
    try (SimulationLogWriter writer =
        SimulationLogWriter.create(dir.resolve("simulation.log"), HEADER)) {
      assertThatThrownBy(
              () -> writer.write(new ErrorRecord("late", START + 25L * 24 * 3600 * 1000)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("about 24.8 days");
      assertThatThrownBy(() -> writer.write(new UserRecord("other", true, START)))
          .hasMessageContaining("scenario 'other' is not in the Run record");
    }
  }

  private Path write(Path file, List<LogRecord> records) throws IOException {
    try (SimulationLogWriter writer = SimulationLogWriter.create(file, HEADER)) {
      for (LogRecord r : records) {
        writer.write(r);
      }
    }
    return file;
  }

  private static void readAll(Path file) throws IOException {
    try (SimulationLogReader reader = SimulationLogReader.open(file)) {
      while (reader.next() != null) {
        // read to the end
      }
    }
  }

  private static int occurrences(byte[] haystack, byte[] needle) {
    int count = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        count++;
      }
    }
    return count;
  }
}
