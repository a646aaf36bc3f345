package io.github.gatlingssh.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.cpu.ThreadGroups;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.Stats;
import io.github.gatlingssh.benchmark.run.RampRun;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static RunResult run(Client client, int users, int rep, double total, double cpu) {
    Phases phases =
        client == Client.OPENSSH
            ? null
            : new Phases(total * 0.8, 5, 40, 20, total, 10, 0, total + 10, 0, users, List.of());
    return new RunResult(
        client,
        users,
        rep,
        phases,
        total,
        cpu,
        2000,
        12.5 * users,
        10 * users,
        12.5 * users,
        900,
        0.9,
        Map.of(ThreadGroups.JIT, 100.0),
        0,
        List.of(),
        3000,
        Negotiated.UNKNOWN,
        0.02,
        Map.of());
  }

  private static Summary summary() {
    List<RunResult> runs = new ArrayList<>();
    for (int rep = 1; rep <= 3; rep++) {
      runs.add(run(Client.GATLING, 200, rep, 1500 + rep * 100, 500));
      runs.add(run(Client.MINA, 200, rep, 1500, 400));
      runs.add(run(Client.OPENSSH, 200, rep, 2600, 1800));
    }
    return new Summary(runs);
  }

  @Test
  void mediansPerClientAndUsers() {
    Summary s = summary();

    assertThat(s.median(Client.GATLING, 200, Metric.TOTAL)).isEqualTo(1700);
    assertThat(s.median(Client.GATLING, 200, Metric.CLIENT_CPU_PER_SESSION)).isEqualTo(2.5);
    assertThat(s.median(Client.OPENSSH, 200, Metric.EXECUTE)).isNaN();
    assertThat(s.median(Client.MINA, 200, Metric.ERRORS)).isZero();
    assertThat(s.ratioToMina(200, Metric.TOTAL))
        .isCloseTo(1700 / 1500.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(s.serverProcShortfall(200))
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void targetsCompareTheMediansWithTheLimits() {
    List<Targets.Check> checks = Targets.evaluate(summary());

    assertThat(checks)
        .extracting(Targets.Check::target)
        .containsExactly(
            "total",
            "auth+execute",
            "execute",
            "client CPU per session",
            "gatling-ssh total / bare MINA total");
    assertThat(checks)
        .extracting(Targets.Check::met)
        .containsExactly(true, true, true, true, false);
    assertThat(checks.get(4).measured()).isEqualTo("1.13");
  }

  @Test
  void markdownHasMeasuredAndLabelledReferenceRows() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("cpus", 2);
    Map<Client, Negotiated> negotiated = new LinkedHashMap<>();
    negotiated.put(
        Client.GATLING,
        new Negotiated(
            "curve25519-sha256", "ssh-ed25519", "chacha20-poly1305@openssh.com", "aead"));
    RampRun.Result ramp =
        new RampRun.Result(
            Path.of("/r/index.html"),
            Path.of("/r/simulation.log"),
            1000,
            21000,
            Map.of("connect", new RequestStats(1000, 0, 5, 9, 12, 30)),
            3000,
            6000,
            12000,
            0.8,
            0,
            List.of(),
            CpuSamples.parse(List.of()),
            0);
    Report report =
        new Report(
            "20260101-120000", 300, 3, env, summary(), negotiated, ramp, List.of(), Map.of(), null);

    String md = MarkdownReport.render(report);

    assertThat(md)
        .contains(
            "| 200 | gatling-ssh | 1.36 s | 5.0 ms | 40 ms | 20 ms | 1.70 s | 10 ms | 500 ms | 2.5 ms |")
        .contains("| 200 | OpenSSH ssh | n/a | n/a | n/a | n/a | 2.60 s |")
        .contains(
            "| 200 | *parallel-ssh 2.16 (reference, not measured here)* | *3.38 s* | *16 ms* | *396 ms* | *82 ms* | *3.89 s* |")
        .contains("| 200 | *OpenSSH ssh (reference, not measured here)* |")
        .contains("| gatling-ssh total / bare MINA total | <= 1.05 | 1.13 | **no** |")
        .contains(
            "| gatling-ssh | curve25519-sha256 | ssh-ed25519 | chacha20-poly1305@openssh.com | aead |")
        .contains("HTML report: /r/index.html")
        .contains("| connect | 1000 | 0 | 5.0 ms | 9.0 ms | 12 ms | 30 ms |");
    assertThat(report.json())
        .contains("\"client\": \"gatling-ssh\"")
        .contains("\"note\": \"not measured by this run\"")
        .contains("\"execute\": null");
  }

  @Test
  void jsonEscapesAndWritesNaNAsNull() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\u0001");
    m.put("n", Double.NaN);
    m.put("d", 1.5);
    m.put("i", 3.0);
    m.put("l", List.of(1, true));

    assertThat(Json.write(m))
        .isEqualTo(
            "{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"n\": null,\n"
                + "  \"d\": 1.500,\n  \"i\": 3,\n  \"l\": [\n    1,\n    true\n  ]\n}\n");
  }

  @Test
  void formatsDurations() {
    assertThat(Format.millis(0.44)).isEqualTo("0.4 ms");
    assertThat(Format.millis(42.4)).isEqualTo("42 ms");
    assertThat(Format.millis(1420)).isEqualTo("1.42 s");
    assertThat(Format.millis(Double.NaN)).isEqualTo("n/a");
    assertThat(Format.percent(0.456)).isEqualTo("46%");
  }

  @Test
  void statistics() {
    assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2);
    assertThat(Stats.median(List.of(4.0, 1.0, Double.NaN, 2.0))).isEqualTo(2);
    assertThat(Stats.median(List.of())).isNaN();
    assertThat(Stats.percentile(new double[] {5, 1, 3, 2, 4}, 50)).isEqualTo(3);
    assertThat(Stats.percentile(new double[] {5, 1, 3, 2, 4}, 100)).isEqualTo(5);
  }
}
