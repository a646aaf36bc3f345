package io.github.gatlingssh.benchmark.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void parsesTheCpuFieldsAfterACommandNameWithSpacesAndParentheses() {
    String line =
        "4242 (sshd: user (x) [priv]) S 1 4242 4242 0 -1 4194560 1000 2000 0 0 "
            + "17 5 230 44 20 0 1 0 123 456 789 18446744073709551615";

    ProcStat.ProcessTimes t = ProcStat.parseProcess(line);

    assertThat(t).isEqualTo(new ProcStat.ProcessTimes(17, 5, 230, 44));
    assertThat(t.own()).isEqualTo(22);
    assertThat(t.withChildren()).isEqualTo(296);
  }

  @Test
  void rejectsWhatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parseProcess("garbage"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void machineBusyExcludesIdleAndIowait() {
    String stat = "cpu  100 2 30 1000 50 4 6 8 0 0\ncpu0 50 1 15 500 25 2 3 4 0 0\nintr 1\n";

    ProcStat.MachineTimes m = ProcStat.parseMachine(stat);

    assertThat(m.busy()).isEqualTo(100 + 2 + 30 + 4 + 6 + 8);
    assertThat(m.total()).isEqualTo(150 + 1000 + 50);
  }

  @Test
  void readsThisProcess() {
    assertThat(ProcStat.self().own()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void cgroupV2UsageIsInMicroseconds() {
    assertThat(
            CpuCgroup.parseV2UsageMicros("usage_usec 123456\nuser_usec 100\nsystem_usec 23456\n"))
        .isEqualTo(123456);
  }
}
