package io.github.gatlingssh.benchmark.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSamplesTest {

  @Test
  void seriesInterpolatesBetweenSamplesAndClampsOutside() {
    Series s = new Series();
    s.add(10, 100);
    s.add(20, 200);
    s.add(40, 200);

    assertThat(s.at(15)).isEqualTo(150);
    assertThat(s.at(5)).isEqualTo(100);
    assertThat(s.at(5, 0)).isEqualTo(0);
    assertThat(s.at(99)).isEqualTo(200);
    assertThat(s.delta(12, 30)).isCloseTo(80, within(1e-9));
  }

  @Test
  void readsProcessMachineAndThreadCpuOverAWindow() {
    CpuSamples samples =
        CpuSamples.parse(
            List.of(
                "P\t1000.000\t0",
                "M\t1000.000\t100\t400",
                "T\t1000.000\t11\t0\tC2 CompilerThre",
                "T\t1000.000\t12\t1\tsshd-SshClient[",
                "P\t1100.000\t100000000",
                "M\t1100.000\t110\t420",
                "T\t1100.000\t14\t1\tbench-cpu-sampl",
                "T\t1100.000\t11\t5\tC2 CompilerThre",
                "T\t1100.000\t12\t3\tsshd-SshClient[",
                "T\t1100.000\t13\t2\tgatling-1-1",
                "F\tjvmCpuMs\t1234.500"));

    assertThat(samples.processCpuMs(1000, 1050)).isCloseTo(50, within(1e-9));
    assertThat(samples.processCpuMs(1000, 1100))
        .isCloseTo(100 - 10, within(1e-9)); // less the sampler
    assertThat(samples.machineBusyMs(1000, 1100)).isCloseTo(100, within(1e-9));
    assertThat(samples.machineUtilisation(1000, 1100)).isCloseTo(0.5, within(1e-9));
    assertThat(samples.threadGroupCpuMs(1000, 1100))
        .containsEntry(ThreadGroups.JIT, 50.0)
        .containsEntry(ThreadGroups.MINA, 20.0)
        .containsEntry(ThreadGroups.GATLING, 20.0); // born in the window: counted from 0
    assertThat(samples.fact("jvmCpuMs")).isEqualTo(1234.5);
    assertThat(samples.fact("absent")).isNaN();
  }

  @Test
  void cpuAndHeapOverTime() {
    CpuSamples samples =
        CpuSamples.parse(
            List.of(
                "P\t1000.000\t0",
                "H\t1000.000\t1048576",
                "P\t1500.000\t250000000",
                "P\t2000.000\t250000000",
                "H\t2000.000\t2097152",
                "P\t2400.000\t650000000"));

    // 1 s buckets from the first sample: 250 ms of CPU in the first (0.25 core), the partial
    // last one (400 ms) is left out
    assertThat(samples.cpuOverTime(1000)).containsExactly(new double[] {2000, 0.25});
    assertThat(samples.cpuOverTime(500))
        .containsExactly(new double[] {1500, 0.5}, new double[] {2000, 0});
    assertThat(samples.heapOverTime())
        .containsExactly(new double[] {1000, 1048576}, new double[] {2000, 2097152});
  }

  @Test
  void processCpuOnly() {
    CpuSamples go =
        CpuSamples.ofProcessCpu(List.of(new double[] {1000, 5}, new double[] {1100, 15}));

    assertThat(go.processCpuMs(1000, 1100)).isCloseTo(10, within(1e-9));
    assertThat(go.machineBusyMs(1000, 1100)).isNaN();
    assertThat(go.threadGroupCpuMs(1000, 1100)).isEmpty();
    assertThat(go.heapOverTime()).isEmpty();
    assertThat(CpuSamples.ofProcessCpu(List.of()).cpuOverTime(1000)).isEmpty();
  }

  @Test
  void threadGroupsByLinuxThreadName() {
    assertThat(ThreadGroups.of("C1 CompilerThre")).isEqualTo(ThreadGroups.JIT);
    assertThat(ThreadGroups.of("GC Thread#1")).isEqualTo(ThreadGroups.GC);
    assertThat(ThreadGroups.of("VM Thread")).isEqualTo(ThreadGroups.GC);
    assertThat(ThreadGroups.of("sshd-SshClient[")).isEqualTo(ThreadGroups.MINA);
    assertThat(ThreadGroups.of("gatling-1-2")).isEqualTo(ThreadGroups.GATLING);
    assertThat(ThreadGroups.of("java")).isEqualTo(ThreadGroups.MAIN);
    assertThat(ThreadGroups.of("Finalizer")).isEqualTo(ThreadGroups.OTHER);
    assertThat(ThreadGroups.of("bench-cpu-sampl")).isEqualTo(ThreadGroups.SAMPLER);
  }
}
