package io.github.gatlingssh.benchmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the benchmark and its children and tools exchange: step files, arguments, ssh -v output. */
class ChildProtocolTest {

  @Test
  void stepFileRoundTrip() {
    Negotiated n =
        new Negotiated("curve25519-sha256", "ssh-ed25519", "chacha20-poly1305@openssh.com", "aead");
    List<PhaseRecord> steps =
        List.of(
            PhaseRecord.ok("connect", 1000.25, 1100.5),
            PhaseRecord.failed("start", 1100.5, 1101, "refused\tby\nserver"));

    StepFile.Content back = StepFile.parse(StepFile.render(steps, n).lines().toList());

    assertThat(back.negotiated()).isEqualTo(n);
    assertThat(back.steps())
        .containsExactly(
            steps.get(0), PhaseRecord.failed("start", 1100.5, 1101, "refused by server"));
  }

  @Test
  void stepFileOfTheGoClientHasCpuSamples() {
    StepFile.Content c =
        StepFile.parse(
            List.of(
                "N\tcurve25519-sha256\tssh-ed25519\taes128-gcm@openssh.com\timplicit",
                "R\tconnect\t1000.000\t1002.500\ttrue\t",
                "C\t999.000\t10.000",
                "C\t1003.000\t12.500"));

    assertThat(c.steps()).containsExactly(PhaseRecord.ok("connect", 1000, 1002.5));
    assertThat(c.cpu()).containsExactly(new double[] {999, 10}, new double[] {1003, 12.5});
    assertThatThrownBy(() -> StepFile.parse(List.of("C\t1")))
        .hasMessageContaining("not a step line");
  }

  @Test
  void goClientThatCannotBeBuiltSaysWhy(@TempDir Path dir) {
    // no seedclient source under dir (and, on a machine without Go, no go either)
    GoSeedClient missing = GoSeedClient.build(dir, dir.resolve("target"));

    assertThat(missing.available()).isFalse();
    assertThat(missing.binary()).isNull();
    assertThat(missing.problem()).containsAnyOf("go", "x/crypto");
  }

  @Test
  void childArguments() {
    ChildArgs args = new ChildArgs(List.of(ChildArgs.of("users", 200), "file=/a=b"));

    assertThat(args.getInt("users")).isEqualTo(200);
    assertThat(args.get("file")).isEqualTo("/a=b");
    assertThatThrownBy(() -> args.get("port")).hasMessageContaining("port");
  }

  @Test
  void negotiatedAlgorithmsFromSshVerbose() {
    String out =
        String.join(
            "\n",
            "debug1: kex: algorithm: curve25519-sha256",
            "debug1: kex: host key algorithm: ssh-ed25519",
            "debug1: kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none",
            "debug1: kex: client->server cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none");

    assertThat(NegotiationProbe.parseSshVerbose(out))
        .isEqualTo(
            new Negotiated(
                "curve25519-sha256", "ssh-ed25519", "chacha20-poly1305@openssh.com", "<implicit>"));
    assertThat(NegotiationProbe.parseSshVerbose("nothing")).isEqualTo(Negotiated.UNKNOWN);
  }

  @Test
  void bashQuoting() {
    assertThat(OpenSshRun.quote(List.of("a b", "it's"))).isEqualTo("'a b' 'it'\\''s'");
  }
}
