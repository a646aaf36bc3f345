package io.github.gatlingssh.benchmark.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Throughput and CPU per MiB, and OpenSSH's figures less its connect-only process. */
class MeasuredTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void throughputAndCpuPerMib() {
    Measured m = new Measured("c", "download", 256 * MIB, 3200, 800, Map.of(), List.of());

    assertThat(m.mibPerSecond()).isCloseTo(80.0, within(1e-9));
    assertThat(m.cpuMsPerMib()).isCloseTo(3.125, within(1e-9));
    assertThat(m.cores()).isCloseTo(0.25, within(1e-9));
    assertThat(m.ok()).isTrue();
    assertThat(m.cpuMsPerMibWithoutJit()).isEqualTo(m.cpuMsPerMib());
    Measured jit =
        new Measured("c", "upload", 256 * MIB, 3200, 800, Map.of(Measured.JIT, 544.0), List.of());
    assertThat(jit.cpuMsPerMibWithoutJit()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void failedRunsHaveNoFigures() {
    Measured m = Measured.failed("c", "upload", MIB, List.of("boom"));

    assertThat(m.ok()).isFalse();
    assertThat(m.mibPerSecond()).isNaN();
    assertThat(m.cpuMsPerMib()).isNaN();
    assertThat(new Measured("c", "x", 0, 0, 0, Map.of(), List.of()).mibPerSecond()).isNaN();
  }

  @Test
  void openSshTransferIsItsProcessLessTheConnectOnlyOne() {
    Measured process =
        new Measured(OpenSshSftp.LABEL, "upload", 64 * MIB, 1100, 420, Map.of(), List.of());
    Measured connect = new Measured(OpenSshSftp.LABEL, "connect", 0, 100, 20, Map.of(), List.of());

    Measured m = OpenSshSftp.lessConnect(process, connect, 64 * MIB);

    assertThat(m.wallMs()).isEqualTo(1000);
    assertThat(m.cpuMs()).isEqualTo(400);
    assertThat(m.mibPerSecond()).isCloseTo(64.0, within(1e-9));
    assertThat(m.raw())
        .containsEntry("processWallMs", 1100.0)
        .containsEntry("connectOnlyCpuMs", 20.0);
    assertThat(m.errors()).isEmpty();
    assertThat(OpenSshSftp.lessConnect(process, connect, MIB).errors())
        .containsExactly("upload: 1048576 of 67108864 bytes");
  }
}
