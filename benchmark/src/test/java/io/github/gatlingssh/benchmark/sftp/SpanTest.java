package io.github.gatlingssh.benchmark.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bash wrapper's line for one sftp process. */
class SpanTest {

  @Test
  void parsesEpochRealTimesAndTheExitCode() {
    Span s = Span.parse("1764600000.250000 1764600002.750500 0\n");

    assertThat(s.startMs()).isCloseTo(1764600000250.0, within(0.01));
    assertThat(s.millis()).isCloseTo(2500.5, within(0.01));
    assertThat(s.exitCode()).isZero();
    assertThat(s).hasToString("2501 ms, exit 0");
    assertThat(Span.parse("1.0 2.0 1").exitCode()).isEqualTo(1);
  }

  @Test
  void refusesAnIncompleteLine() {
    assertThatThrownBy(() -> Span.parse("1764600000.25"))
        .hasMessageContaining("not a 'start end exit-code' line");
  }
}
