package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The CPU meters are Micrometer's, read once per step. */
class ProcessorGaugesTest {

  @Test
  void sameMetersAsMicrometersProcessorMetrics() {
    SimpleMeterRegistry micrometer = new SimpleMeterRegistry();
    new ProcessorMetrics().bindTo(micrometer);
    SimpleMeterRegistry ours = new SimpleMeterRegistry();
    new ProcessorGauges(() -> 0.25, 5000).bindTo(ours);

    assertThat(describe(ours)).isEqualTo(describe(micrometer)).hasSize(5);
  }

  @Test
  void processLoadIsTheSampledOneAndSystemLoadAFraction() {
    double[] sampled = {0.25};
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new ProcessorGauges(() -> sampled[0], 5000).bindTo(registry);
    // nothing but the gauges holds the ProcessorGauges and the supplier: they must survive a GC
    System.gc();

    assertThat(registry.get("process.cpu.usage").gauge().value()).isEqualTo(0.25);
    sampled[0] = 0.5;
    assertThat(registry.get("process.cpu.usage").gauge().value()).isEqualTo(0.5);
    double system = registry.get("system.cpu.usage").gauge().value();
    assertThat(system).isBetween(0.0, 1.0);
    // read from the OS at most once per half step: the same figure until then
    assertThat(registry.get("system.cpu.usage").gauge().value()).isEqualTo(system);
    assertThat(registry.get("process.cpu.time").functionCounter().count()).isPositive();
    assertThat(registry.get("system.cpu.count").gauge().value())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  /** Each meter's name, type, unit, description and tags. */
  private static Map<String, String> describe(MeterRegistry registry) {
    Map<String, String> meters = new TreeMap<>();
    for (Meter m : registry.getMeters()) {
      Meter.Id id = m.getId();
      meters.put(
          id.getName(),
          id.getType() + " " + id.getBaseUnit() + " " + id.getDescription() + " " + id.getTags());
    }
    return meters;
  }
}
