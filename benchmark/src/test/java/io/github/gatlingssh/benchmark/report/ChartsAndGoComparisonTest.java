package io.github.gatlingssh.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10's comparison with Go and the charts page's data. */
class ChartsAndGoComparisonTest {

  private static RunResult run(Client client, int users, double total, double cpu) {
    Phases phases =
        client == Client.OPENSSH
            ? null
            : new Phases(total / 2, 5, 40, 20, total, 10, 0, total, 0, users, List.of());
    return new RunResult(
        client,
        users,
        1,
        phases,
        total,
        cpu,
        Double.NaN,
        10,
        10,
        10,
        100,
        0.5,
        Map.of(),
        0,
        List.of(),
        1000,
        Negotiated.UNKNOWN,
        0,
        Map.of());
  }

  private static Summary summary() {
    List<RunResult> runs = new ArrayList<>();
    for (int n : List.of(1, 200)) {
      runs.add(run(Client.GATLING, n, 48 * n, 13.2 * n));
      runs.add(run(Client.GO, n, 38 * n, 2 * n));
      runs.add(run(Client.OPENSSH, n, 26 * n, 30 * n));
    }
    return new Summary(runs);
  }

  private static SteadyResult steady(Client client, int sessions, double cpu) {
    return new SteadyResult(
        client,
        100,
        60,
        sessions,
        60_000,
        5000,
        cpu,
        36.0 * sessions,
        Map.of("connect", new RequestStats(sessions, 0, 30, 90, 120, 300)),
        0,
        List.of(),
        CpuSamples.ofProcessCpu(
            List.of(
                new double[] {5000, 0},
                new double[] {35_000, cpu / 2},
                new double[] {65_000, cpu})));
  }

  private static List<SteadyResult> steadyRuns() {
    return List.of(steady(Client.GATLING, 2115, 2115 * 6.4), steady(Client.GO, 2136, 2136 * 1.76));
  }

  @Test
  void goComparisonRowsAtTheLargestNAndInTheSteadyState() {
    List<GoComparison.Row> rows = GoComparison.rows(summary(), steadyRuns());

    assertThat(rows)
        .extracting(GoComparison.Row::measure)
        .containsExactly(
            "200 sessions at once, after the warm-up: total (wall)",
            "200 sessions at once, after the warm-up: client CPU per session",
            "steady state, 100 users looping 60 s: client CPU per session",
            "steady state, 100 users looping 60 s: sessions completed");
    assertThat(rows.get(0).ratio()).isCloseTo(48 / 38.0, within(1e-9));
    assertThat(rows.get(1).ratio()).isCloseTo(6.6, within(1e-9));
    assertThat(rows.get(2).ratio()).isCloseTo(6.4 / 1.76, within(1e-9));
    assertThat(rows.get(3).values()).containsEntry(Client.GO, 2136.0);
    assertThat(rows.get(3).values().get(Client.MINA)).isNaN();
    assertThat(GoComparison.rows(new Summary(List.of()), List.of())).isEmpty();
  }

  @Test
  void markdownAndJsonHaveTheComparisonTheSteadyStateAndTheChartsPath() {
    Map<String, String> skipped = new LinkedHashMap<>();
    skipped.put("OpenSSH ssh (steady state)", "one command per process");
    Report report =
        new Report(
            "20260101-120000",
            60,
            1,
            Map.of("cpus", 2),
            summary(),
            Map.of(),
            null,
            steadyRuns(),
            skipped,
            Path.of("/out/benchmark-20260101-120000.html"));

    String md = MarkdownReport.render(report);

    assertThat(md)
        .contains("Charts: /out/benchmark-20260101-120000.html")
        .contains("Skipped: OpenSSH ssh (steady state): one command per process")
        .contains(
            "| 200 sessions at once, after the warm-up: client CPU per session | 13 ms | n/a | 2.0 ms | 6.60 |")
        .contains(
            "| steady state, 100 users looping 60 s: sessions completed | 2115 | n/a | 2136 | 0.99 |")
        .contains("| gatling-ssh | 2115 | 35.25 | 0 | 60.00 s | 13.54 s | 6.4 ms | 36 ms |")
        .contains("| Go x/crypto/ssh | connect | 2136 | 0 | 30 ms | 90 ms | 120 ms | 300 ms |");
    assertThat(report.json())
        .contains("\"charts\": \"/out/benchmark-20260101-120000.html\"")
        .contains("\"sessionsCompleted\": 2136")
        .contains("\"gatling-ssh / Go\": 6.600");
  }

  @Test
  void steadyStateOnly(@TempDir Path dir) throws Exception {
    // --mode steady: no N-at-once runs
    Report report =
        new Report(
            "20260101-120000",
            60,
            1,
            Map.of("cpus", 2),
            new Summary(List.of()),
            Map.of(),
            null,
            steadyRuns(),
            Map.of(),
            null);

    assertThat(MarkdownReport.render(report))
        .contains("| steady state, 100 users looping 60 s: client CPU per session | 6.4 ms |")
        .doesNotContain("sessions at once, after the warm-up");
    ChartsPage.write(report, dir.resolve("steady.html"));
    // CPU per session, steady p50 and p95, steady CPU over time
    assertThat(Files.readString(dir.resolve("steady.html")).split("<img ", -1)).hasSize(1 + 4);
  }

  @Test
  void chartDataPerClientAndGroup() {
    Map<Client, List<double[]>> total = ChartData.byUsers(summary(), Metric.TOTAL);
    assertThat(total).containsOnlyKeys(Client.GATLING, Client.OPENSSH, Client.GO);
    assertThat(total.get(Client.GO))
        .containsExactly(new double[] {1, 38}, new double[] {200, 7600});
    assertThat(ChartData.byUsers(summary(), Metric.EXECUTE)).doesNotContainKey(Client.OPENSSH);

    Map<String, Map<Client, Double>> cpu = ChartData.cpuPerSession(summary(), steadyRuns());
    assertThat(cpu).containsOnlyKeys("N = 1", "N = 200", "steady, 100 users");
    assertThat(cpu.get("N = 200").get(Client.GATLING)).isCloseTo(13.2, within(1e-9));
    assertThat(cpu.get("steady, 100 users").get(Client.GO)).isCloseTo(1.76, within(1e-9));

    assertThat(ChartData.steadySteps(steadyRuns(), RequestStats::p95))
        .containsEntry("connect", Map.of(Client.GATLING, 90.0, Client.GO, 90.0));
    assertThat(ChartData.since(List.of(new double[] {3000, 2}), 1000, 0.5))
        .containsExactly(new double[] {2, 1});
  }

  @Test
  void chartsPageShowsOnePngPerChart(@TempDir Path dir) throws Exception {
    Report report =
        new Report(
            "20260101-120000",
            60,
            1,
            Map.of(),
            summary(),
            Map.of(),
            null,
            steadyRuns(),
            Map.of(),
            null);
    Path page = dir.resolve("charts.html");

    ChartsPage.write(report, page);

    String html = Files.readString(page);
    // 5 phases against N, CPU per session, steady p50 and p95, steady CPU over time
    assertThat(html.split("<img ", -1)).hasSize(1 + 9);
    assertThat(html)
        .contains("<h3>total against N</h3>")
        .contains("src=\"charts-charts/09.png\"")
        .endsWith("</body></html>\n");
    try (var pngs = Files.list(dir.resolve("charts-charts"))) {
      assertThat(pngs.toList())
          .hasSize(9)
          .allSatisfy(
              png ->
                  assertThat(Files.readAllBytes(png))
                      .startsWith(0x89, 'P', 'N', 'G')); // the PNG signature
    }
  }
}
