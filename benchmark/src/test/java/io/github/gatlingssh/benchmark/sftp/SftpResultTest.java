package io.github.gatlingssh.benchmark.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians over repetitions, the throughput goal, and the Markdown and JSON reports. */
class SftpResultTest {
  private static final long MIB = 1024 * 1024;
  private static final String G = GatlingSftp.LABEL;
  private static final String O = OpenSshSftp.LABEL;

  private static Measured m(String client, String what, double wall, double cpu) {
    return new Measured(
        client, what, 256 * MIB, wall, cpu, Map.of("cpu MINA I/O", cpu / 2), List.of());
  }

  private static SftpResult result() {
    List<Measured> singles =
        List.of(
            m(G, "download", 3000, 700),
            m(G, "upload", 2600, 650),
            m(O, "download", 4000, 1300),
            m(O, "upload", 5600, 1200),
            m(G, "download", 3200, 760),
            m(G, "upload", 2800, 690),
            m(O, "download", 3800, 1250),
            m(O, "upload", 5400, 1100),
            Measured.failed(G, "download", 256 * MIB, List.of("download: timeout")),
            m(G, "upload", 2700, 600),
            m(O, "download", 3900, 1280),
            m(O, "upload", 5500, 1150));
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    requests.put("upload", new RequestStats(100, 0, 900, 1500, 1600, 1700));
    Concurrent gatling =
        new Concurrent(
            new Measured(
                G, Concurrent.what(100, 4 * MIB), 800 * MIB, 10_000, 4000, Map.of(), List.of()),
            requests);
    Map<String, Negotiated> negotiated = new LinkedHashMap<>();
    negotiated.put(
        G, new Negotiated("curve25519-sha256", "ssh-ed25519", "aes128-gcm@openssh.com", "aead"));
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("cpus", 2);
    env.put("machineBusyBeforeRuns", 0.02);
    return new SftpResult(
        "20261201-150000",
        300,
        SftpOptions.parse(new String[] {"--sftp"}, Path.of("/repo")),
        env,
        negotiated,
        singles,
        List.of(gatling));
  }

  @Test
  void mediansPerClientAndTransferOverTheRunsThatSucceeded() {
    List<Measured> medians = result().medians();

    assertThat(medians)
        .extracting(Measured::what)
        .containsExactly("download", "upload", "download", "upload");
    Measured gatlingDownload = medians.get(0);
    assertThat(gatlingDownload.wallMs()).isEqualTo(3100);
    assertThat(gatlingDownload.cpuMs()).isEqualTo(730);
    assertThat(gatlingDownload.raw()).containsEntry("runs", 3.0).containsEntry("okRuns", 2.0);
    assertThat(gatlingDownload.errors()).containsExactly("download: timeout");
    assertThat(medians.get(3).wallMs()).isEqualTo(5500);
  }

  @Test
  void throughputRatioOfMedians() {
    assertThat(result().throughputRatio("download")).isCloseTo(3900.0 / 3100, within(1e-9));
    assertThat(result().throughputRatio("upload")).isCloseTo(5500.0 / 2700, within(1e-9));
    assertThat(result().throughputRatio("rename")).isNaN();
  }

  @Test
  void markdownHasBothTablesAndTheGoal() {
    String md = SftpMarkdown.render(result());

    assertThat(md)
        .contains("## One 256 MiB transfer (median of 3 runs)")
        .contains(
            "| download | gatling-ssh | 3.10 s | 83 MiB/s | 730 ms | 2.9 ms | 0.24 | 1 | 2.9 ms |")
        .contains(
            "| upload | OpenSSH sftp | 5.50 s | 47 MiB/s | 1.15 s | 4.5 ms | 0.21 | 0 | 4.5 ms |")
        .contains("- upload: gatling-ssh / OpenSSH sftp throughput 2.04 (goal >= 1: met)")
        .contains("| download | 365 ms |")
        .contains("## 100 users x (upload + download of 4 MiB), all at once")
        .contains("| gatling-ssh | 10.00 s | 80 MiB/s | 4.00 s | 5.0 ms | 0.40 | 0 | 5.0 ms |")
        .contains("gatling-ssh:\n\n| request | count | KO | p50 | p95 | p99 | max |")
        .contains("| upload | 100 | 0 | 900 ms | 1.50 s | 1.60 s | 1.70 s |")
        .contains("- gatling-ssh, download: download: timeout")
        .contains(
            "Negotiated by gatling-ssh: curve25519-sha256, ssh-ed25519, aes128-gcm@openssh.com, MAC aead");
  }

  @Test
  void jsonHasEveryRunAndTheMedians() {
    String json = result().json();

    assertThat(json)
        .contains("\"fileBytes\": 268435456")
        .contains("\"singleMedians\": [")
        .contains("\"singleRuns\": [")
        .contains("\"mibPerSecond\": 80")
        .contains("\"p95\": 1500")
        .contains("\"cipher\": \"aes128-gcm@openssh.com\"")
        .contains("\"wallMs\": null");
  }
}
