package io.github.gatlingssh.benchmark.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyResultTest {

  @Test
  void sessionsCpuPerSessionAndPercentilesOverTheWindow() {
    List<PhaseRecord> steps =
        List.of(
            PhaseRecord.ok("connect", 1000, 1010),
            PhaseRecord.ok("disconnect", 1010, 1012),
            PhaseRecord.ok("connect", 1005, 1025),
            PhaseRecord.ok("disconnect", 1025, 1030),
            PhaseRecord.failed("connect", 1500, 1530, "refused"),
            PhaseRecord.ok("connect", 1900, 1950),
            PhaseRecord.ok("disconnect", 1950, 2000));
    // 0.1 ms of CPU per ms of wall time: 100 ms in the window 1000..2000
    CpuSamples cpu =
        CpuSamples.ofProcessCpu(List.of(new double[] {0, 0}, new double[] {3000, 300}));

    SteadyResult r =
        SteadyResult.of(Client.GO, 2, 1, steps, cpu, 60, List.of("connect: refused"), List.of());

    assertThat(r.sessions()).isEqualTo(3);
    assertThat(r.window()).isEqualTo(1000);
    assertThat(r.start()).isEqualTo(1000);
    assertThat(r.clientCpu()).isCloseTo(100, within(1e-9));
    assertThat(r.cpuPerSession()).isCloseTo(100 / 3.0, within(1e-9));
    assertThat(r.serverCpuPerSession()).isCloseTo(20, within(1e-9));
    assertThat(r.sessionsPerSecond()).isCloseTo(3, within(1e-9));
    assertThat(r.errors()).isEqualTo(1);
    assertThat(r.requests().get("connect")).isEqualTo(new RequestStats(4, 1, 20, 50, 50, 50));
    assertThat(r.requests().get("disconnect").p50()).isEqualTo(5);
  }

  @Test
  void noSessionNoPerSessionFigure() {
    SteadyResult r =
        SteadyResult.of(
            Client.MINA,
            1,
            1,
            List.of(),
            CpuSamples.ofProcessCpu(List.of()),
            0,
            List.of(),
            List.of());

    assertThat(r.sessions()).isZero();
    assertThat(r.cpuPerSession()).isNaN();
    assertThat(r.sessionsPerSecond()).isNaN();
  }
}
