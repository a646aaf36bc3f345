package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gatlingssh.testkit.SshCommandLine;
import io.github.gatlingssh.testkit.junit.ClassServer;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server against OpenSSH's own client tools; skipped where they are not installed. */
class OpenSshInteropTest {

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> SERVER =
      ClassServer.embedded(EmbeddedSshServer.builder());

  @TempDir Path tmp;

  @Test
  void sshKeygenReadsTheClientKey() throws Exception {
    assumeTrue(OpenSshTools.available("ssh-keygen"), "ssh-keygen not installed");
    OpenSshTools.Output out =
        OpenSshTools.run(tmp, "ssh-keygen", "-y", "-f", SERVER.get().userKey().toString());
    assertThat(out.exitCode()).as(out.stderr()).isZero();
    assertThat(out.stdout())
        .startsWith(PublicKeyEntry.toString(SERVER.get().userKeyPair().getPublic()));
  }

  private OpenSshTools.Output ssh(String command) throws Exception {
    return ssh(SERVER.get().knownHostsFile(), command);
  }

  private OpenSshTools.Output ssh(Path knownHosts, String command) throws Exception {
    List<String> args =
        SshCommandLine.of(SERVER.get(), SERVER.get().userKey(), knownHosts, command);
    return OpenSshTools.run(tmp, args.toArray(String[]::new));
  }

  @Test
  void sshCatsTheSeedFile() throws Exception {
    assumeTrue(OpenSshTools.available("ssh"), "ssh not installed");
    OpenSshTools.Output out = ssh("cat " + SERVER.get().seedFile());
    assertThat(out.exitCode()).as(out.stderr()).isZero();
    assertThat(out.stdoutBytes()).isEqualTo(SeedFile.content());
  }

  @Test
  void sshSeesExitStatusStderrAndLargeOutput() throws Exception {
    assumeTrue(OpenSshTools.available("ssh"), "ssh not installed");
    OpenSshTools.Output exit = ssh("exit 7");
    assertThat(exit.exitCode()).isEqualTo(7);
    OpenSshTools.Output missing = ssh("cat missing");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("cat: missing: No such file or directory");
    OpenSshTools.Output big = ssh("bytes 5000000");
    assertThat(big.exitCode()).isZero();
    assertThat(big.stdoutBytes()).hasSize(5_000_000);
  }

  @Test
  void sshReportsTheExitSignal() throws Exception {
    assumeTrue(OpenSshTools.available("ssh"), "ssh not installed");
    OpenSshTools.Output killed = ssh("signal KILL");
    // OpenSSH's client exits 255 when the remote command was killed by a signal
    assertThat(killed.exitCode()).as(killed.stderr()).isEqualTo(255);
  }

  @Test
  void sshRejectsAServerMissingFromKnownHosts() throws Exception {
    assumeTrue(OpenSshTools.available("ssh"), "ssh not installed");
    try (EmbeddedSshServer other = EmbeddedSshServer.builder().build().start()) {
      OpenSshTools.Output out = ssh(other.knownHostsFile(), "true");
      assertThat(out.exitCode()).isEqualTo(255);
      assertThat(out.stderr()).containsIgnoringCase("host key");
    }
  }
}
