package io.github.gatlingssh.benchmark.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.benchmark.result.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hold mode's own logic: options, the server's line, connection counting, the measure. */
class HoldTest {

  @Test
  void optionsDefaultToTenThousandSessionsForBothJvmClients() {
    HoldOptions o = HoldOptions.parse(new String[0], Path.of("/repo"));

    assertThat(o.settings()).isEqualTo(HoldSettings.DEFAULT);
    assertThat(o.settings().users()).isEqualTo(10_000);
    assertThat(o.clients()).containsExactly(Client.GATLING, Client.MINA);
    assertThat(o.outDir()).isEqualTo(Path.of("/repo/benchmark/target"));
    assertThat(o.histograms()).isFalse();
  }

  @Test
  void optionsSetTheNumbers() {
    HoldOptions o =
        HoldOptions.parse(
            new String[] {
              "--users",
              "2000",
              "--ramp-seconds",
              "20",
              "--hold-seconds",
              "45",
              "--echo-seconds",
              "5",
              "--clients",
              "mina",
              "--histograms"
            },
            Path.of("/repo"));

    assertThat(o.settings().users()).isEqualTo(2000);
    assertThat(o.settings().ramp()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.settings().hold()).isEqualTo(Duration.ofSeconds(45));
    assertThat(o.settings().echo()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.clients()).containsExactly(Client.MINA);
    assertThat(o.histograms()).isTrue();
    assertThat(o.settings().systemProperties())
        .contains("-Dhold.users=2000", "-Dhold.rampSeconds=20", "-Dhold.seconds=45");
  }

  @Test
  void badOptionsSayWhatIsWrong() {
    assertThatThrownBy(() -> HoldOptions.parse(new String[] {"--bogus"}, Path.of("/")))
        .hasMessageContaining("usage: benchmark/run --hold");
    assertThatThrownBy(() -> HoldOptions.parse(new String[] {"--clients", "openssh"}, Path.of("/")))
        .hasMessageContaining("gatling and/or mina");
    // all sessions must be held at once when the heap is measured
    assertThatThrownBy(() -> HoldOptions.parse(new String[] {"--hold-seconds", "30"}, Path.of("/")))
        .hasMessageContaining("must exceed the ramp plus two echo periods (50 s)");
  }

  @Test
  void theServerLineRoundTrips() {
    HoldTarget t =
        new HoldTarget(
            "127.0.0.1",
            40123,
            "gatling",
            Path.of("/tmp/s/id_client"),
            Path.of("/tmp/s/known_hosts"),
            "SHA256:abc+/=",
            Path.of("/tmp/s/authenticated"));

    assertThat(HoldTarget.parse(t.line())).isEqualTo(t);
    assertThat(t.simulationProperties())
        .contains(
            "-Dssh.port=40123",
            "-Dssh.hostKeyFingerprint=SHA256:abc+/=",
            "-Dhold.serverStatus=/tmp/s/authenticated");
    assertThatThrownBy(() -> HoldTarget.parse("hold-server host=127.0.0.1 port=1"))
        .hasMessageContaining("no username");
  }

  @Test
  void countsEstablishedConnectionsToThePort() {
    // port 0x1F90 = 8080; state 01 established, 0A listening
    Stream<String> table =
        Stream.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000",
            "   1: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000",
            "   2: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 00000000",
            "   3: 0100007F:9C41 0100007F:1F90 06 00000000:00000000 00:00000000 00000000",
            "   4: 0000000000000000FFFF00000100007F:9C42 0000000000000000FFFF00000100007F:1F90 01 0");

    assertThat(EstablishedConnections.count(table, 8080)).isEqualTo(2);
  }

  @Test
  void heapPerSessionIsTheHeldHeapAboveTheBaselinePerHeldSession(@TempDir Path dir)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("baseline.heapBytes", "20000000");
    p.setProperty("held.heapBytes", "70000000");
    p.setProperty("held.connections", "2000");
    p.setProperty("held.threads", "31");
    p.setProperty("peakThreads", "40");
    p.setProperty("ok", "14000");
    Path file = dir.resolve("probe.properties");
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, null);
    }

    HoldMeasure m = HoldMeasure.read(file);

    assertThat(m.heapPerSession()).isEqualTo(25_000.0);
    assertThat(m.heldThreads()).isEqualTo(31);
    assertThat(m.peakThreads()).isEqualTo(40);
    assertThat(m.failure()).isEmpty();
    assertThat(m.counts().getProperty("ok")).isEqualTo("14000");
    assertThat(
            new HoldMeasure(-1, 70_000_000, 2000, 31, 40, 2000, "", new Properties())
                .heapPerSession())
        .as("no baseline, no figure")
        .isNaN();
  }
}
