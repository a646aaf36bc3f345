package io.github.gatlingssh.benchmark.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {

  private static List<PhaseRecord> session(double t0, double shift) {
    return List.of(
        PhaseRecord.ok("connect", t0, t0 + 100 + shift),
        PhaseRecord.ok("start", t0 + 100 + shift, t0 + 110 + shift),
        PhaseRecord.ok("close and exit status", t0 + 110 + shift, t0 + 115 + shift),
        PhaseRecord.ok("execute", t0 + 115 + shift, t0 + 120 + shift),
        PhaseRecord.ok("channel read", t0 + 120 + shift, t0 + 130 + shift),
        PhaseRecord.ok("disconnect", t0 + 130 + shift, t0 + 131 + shift));
  }

  @Test
  void eachPhaseSpansFromItsFirstStartToItsLastEndAcrossSessions() {
    List<PhaseRecord> records = new java.util.ArrayList<>(session(1000, 0));
    records.addAll(session(1002, 50));

    Phases p = Phases.of(records);

    assertThat(p.authExecute()).isEqualTo(1002 + 160 - 1000);
    assertThat(p.closeExit()).isEqualTo(1002 + 165 - 1110);
    assertThat(p.execute()).isEqualTo(1002 + 170 - 1115);
    assertThat(p.channelRead()).isEqualTo(1002 + 180 - 1120);
    assertThat(p.total()).isEqualTo(1002 + 180 - 1000);
    assertThat(p.disconnect()).isEqualTo(1002 + 181 - 1130);
    assertThat(p.windowStart()).isEqualTo(1000);
    assertThat(p.windowEnd()).isEqualTo(1002 + 181);
    assertThat(p.window()).isEqualTo(183);
    assertThat(p.sessions()).isEqualTo(2);
    assertThat(p.errors()).isZero();
    assertThat(p.windows()).first().isEqualTo(new Phases.Window("auth+execute", 1000, 1162));
    assertThat(p.windows())
        .extracting(Phases.Window::phase)
        .containsExactly(
            "auth+execute", "close+exit status", "execute", "channel read", "disconnect");
  }

  @Test
  void failedStepsCountAsErrorsAndMissingPhasesAreNaN() {
    Phases p = Phases.of(List.of(PhaseRecord.failed("connect", 0, 5, "refused")));

    assertThat(p.errors()).isEqualTo(1);
    assertThat(p.sessions()).isEqualTo(1);
    assertThat(p.execute()).isNaN();
    assertThat(p.total()).isNaN();
    assertThat(p.windowEnd()).isEqualTo(5);
  }
}
