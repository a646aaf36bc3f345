package io.github.gatlingssh.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldReportTest {

  private final HoldReport report =
      new HoldReport(
          "20261201-150000",
          10_000,
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          0.02,
          List.of(
              new HoldReport.Row(
                  "gatling-ssh",
                  10_000,
                  24.5 * 1024,
                  20L << 20,
                  260L << 20,
                  31,
                  42,
                  80_000,
                  0,
                  List.of(),
                  120.5),
              new HoldReport.Row(
                  "bare MINA",
                  9_990,
                  Double.NaN,
                  -1,
                  200L << 20,
                  16,
                  16,
                  69_000,
                  10,
                  List.of("connect: refused"),
                  110)),
          Path.of("/runs/hold-20261201-150000"));

  @Test
  void markdownHasOneRowPerClientAndTheProblems() {
    String md = report.markdown();

    assertThat(md)
        .contains("| client | sessions held | heap per session |")
        .contains("| gatling-ssh | 10000 | 24.5 KB | 20 MB / 260 MB | 31 (42) | 80000 | 0 |")
        .contains("| bare MINA | 9990 | n/a | n/a / 200 MB | 16 (16) | 69000 | 10 |")
        .contains("bare MINA: connect: refused")
        .contains("bare MINA: 9990 of 10000 sessions held at once, 10 KO: its heap per session is")
        .doesNotContain("gatling-ssh: 10000 of")
        .contains("Target: <= 25.0 KB per session, 0 KO");
  }

  @Test
  void jsonHasTheFiguresInBytes() {
    String json = report.json();

    assertThat(json)
        .contains("\"heapPerSessionBytes\": 25088")
        .contains("\"heapPerSessionBytes\": null")
        .contains("\"threads\": 31")
        .contains("\"ko\": 10")
        .contains("\"runFiles\": \"/runs/hold-20261201-150000\"");
  }
}
