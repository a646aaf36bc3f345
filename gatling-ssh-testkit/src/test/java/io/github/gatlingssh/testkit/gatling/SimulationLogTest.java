package io.github.gatlingssh.testkit.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.simulationlog.LogFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogTest {

  private static final long START = 1_700_000_000_000L;

  @TempDir Path dir;

  @Test
  void readsEveryRecordTypeWithAbsoluteTimes() {
    Path file =
        new SimulationLogFile("my.Sim", START, List.of("scn-a", "scn-b"), List.of())
            .user(1, true, START + 1)
            .request(List.of("g1", "g2"), "req", START + 2, START + 12, true, "")
            .request(List.of("g1", "g2"), "req", START + 3, START + 5, false, "bad")
            .group(List.of("g1", "g2"), START + 1, START + 20, 12, false)
            .error("req: crashed ", START + 21)
            .user(1, false, START + 22)
            .writeTo(dir.resolve("simulation.log"));

    SimulationLog log = SimulationLog.read(file);

    assertThat(log.file()).isEqualTo(file);
    assertThat(log.run())
        .isEqualTo(
            new SimulationLog.RunInfo(
                "3.15.1", "my.Sim", START, "", List.of("scn-a", "scn-b"), List.of()));
    assertThat(log.users())
        .containsExactly(
            new SimulationLog.User("scn-b", true, START + 1),
            new SimulationLog.User("scn-b", false, START + 22));
    assertThat(log.requests())
        .containsExactly(
            new SimulationLog.Request(List.of("g1", "g2"), "req", START + 2, START + 12, true, ""),
            new SimulationLog.Request(
                List.of("g1", "g2"), "req", START + 3, START + 5, false, "bad"));
    assertThat(log.requests().get(0).responseTime()).isEqualTo(10);
    assertThat(log.groups())
        .containsExactly(
            new SimulationLog.Group(List.of("g1", "g2"), START + 1, START + 20, 12, false));
    assertThat(log.groups().get(0).duration()).isEqualTo(19);
    assertThat(log.errors()).containsExactly(new SimulationLog.Error("req: crashed ", START + 21));
  }

  @Test
  void decodesLatin1AndUtf16StringsAndKeepsControlCharacters() {
    String latin1 = "café\tcrème";
    String utf16 = "emoji 😀 and ü\nline";
    Path file =
        new SimulationLogFile("Sim", START, List.of("scénario 😀"), List.of())
            .request(List.of(utf16), latin1, START, START, false, utf16)
            .request(List.of(utf16), latin1, START, START, false, latin1)
            .writeTo(dir.resolve("simulation.log"));

    SimulationLog log = SimulationLog.read(file);

    assertThat(log.run().scenarios()).containsExactly("scénario 😀");
    assertThat(log.requests())
        .extracting(SimulationLog.Request::message)
        .containsExactly(utf16, latin1);
    assertThat(log.requests())
        .allSatisfy(
            r -> {
              assertThat(r.name()).isEqualTo(latin1);
              assertThat(r.groups()).containsExactly(utf16);
            });
  }

  @Test
  void skipsAssertionBlobsItCannotDecode() {
    byte[] garbage = new byte[] {(byte) 0xFF, 0x00, 0x7F};
    Path file =
        new SimulationLogFile("Sim", START, List.of("s"), List.of(garbage))
            .user(0, true, START)
            .writeTo(dir.resolve("simulation.log"));

    SimulationLog log = SimulationLog.read(file);

    assertThat(log.run().assertions())
        .singleElement()
        .asString()
        .startsWith("<undecodable assertion, 3 bytes");
    assertThat(log.users()).hasSize(1);
  }

  @Test
  void anEmptyRunHasOnlyTheRunRecord() {
    Path file =
        new SimulationLogFile("Sim", START, List.of("s"), List.of())
            .writeTo(dir.resolve("simulation.log"));

    SimulationLog log = SimulationLog.read(file);

    assertThat(log.requests()).isEmpty();
    assertThat(log.users()).isEmpty();
    assertThat(log.groups()).isEmpty();
    assertThat(log.errors()).isEmpty();
  }

  @Test
  void rejectsMalformedFiles() throws IOException {
    byte[] valid =
        new SimulationLogFile("Sim", START, List.of("s"), List.of())
            .request(List.of(), "req", START, START + 1, true, "")
            .toByteArray();

    Path truncated = write(dir.resolve("t.log"), Arrays.copyOf(valid, valid.length - 3));
    assertRejected(truncated, "truncated in record #2");

    Path noRunRecord = write(dir.resolve("n.log"), new byte[] {1, 0, 0, 0, 0});
    assertRejected(noRunRecord, "does not start with a Run record");

    Path unknownHeader =
        new SimulationLogFile("Sim", START, List.of("s"), List.of())
            .raw(9)
            .writeTo(dir.resolve("u.log"));
    assertRejected(unknownHeader, "unknown record type 9 at record #2");

    Path missingCache =
        new SimulationLogFile("Sim", START, List.of("s"), List.of())
            .raw(4, 0xFF, 0xFF, 0xFF, 0xFB, 0, 0, 0, 0) // Error record with cached string #5
            .writeTo(dir.resolve("m.log"));
    assertRejected(missingCache, "cached string #5 was never defined");

    assertThatThrownBy(() -> SimulationLog.read(dir.resolve("absent.log")))
        .isInstanceOf(UncheckedIOException.class);
  }

  /** The codec's LogFormatException, unchecked, its message naming the problem. */
  private static void assertRejected(Path file, String problem) {
    assertThatThrownBy(() -> SimulationLog.read(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(LogFormatException.class)
        .hasMessageContaining(problem);
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    return Files.write(file, bytes);
  }
}
