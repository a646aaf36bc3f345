package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.OpenSshRequirement;
import io.github.gatlingssh.testkit.openssh.KeyFormat;
import io.github.gatlingssh.testkit.openssh.KeyType;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH user certificates against a private sshd that trusts one CA (TrustedUserCAKeys). */
class CertificateTest {
  @TempDir static Path dir;
  private static PrivateSshd sshd;
  private static Path ca;

  @BeforeAll
  static void start() throws Exception {
    OpenSshRequirement.assumeAvailable();
    ca = keygen(dir.resolve("user_ca"));
    sshd =
        PrivateSshd.start(
            SshdOptions.defaults().toBuilder()
                .extraConfig("TrustedUserCAKeys " + ca.toAbsolutePath() + ".pub")
                .build());
  }

  @AfterAll
  static void stop() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static Path keygen(Path key) throws Exception {
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.toString());
    return key;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }

  /**
   * Signs {@code key}.pub with {@code caKey} for the login user: writes {@code key}-cert.pub, as
   * ssh-keygen does.
   */
  private static Path sign(Path caKey, Path key) throws Exception {
    run(
        "ssh-keygen",
        "-q",
        "-s",
        caKey.toString(),
        "-I",
        "gatling-ssh-test",
        "-n",
        sshd.username(),
        "-V",
        "-5m:+1h",
        key + ".pub");
    return Path.of(key + "-cert.pub");
  }

  /** A fresh key that is NOT in authorized_keys: only its certificate can let it in. */
  private static Path unauthorizedKey() {
    return sshd.generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, null, false);
  }

  private static SshProtocolBuilder protocol(Path key) {
    return ssh.host(sshd.host())
        .port(sshd.port())
        .username(sshd.username())
        .privateKey(key.toString())
        .knownHosts(sshd.knownHostsFile().toString());
  }

  private static GatlingResult connect(SshProtocolBuilder protocol) {
    return Runs.atOnce(
        () -> scenario("cert").exec(ssh("connect").connect()).exec(ssh("whoami").exec("whoami")),
        2,
        protocol);
  }

  @Test
  void aKeyCertPubNextToTheKeyIsPickedUpAsOpenSshDoes() throws Exception {
    Path key = unauthorizedKey();
    sign(ca, key);
    GatlingResult r = connect(protocol(key));
    assertThat(r.ok("connect")).as(r.summary()).isEqualTo(2);
    assertThat(r.ok("whoami")).as(r.summary()).isEqualTo(2);
  }

  @Test
  void anExplicitCertificateIsUsedAndTheSameKeyWithoutItIsRefused() throws Exception {
    Path key = unauthorizedKey();
    Path cert = sign(ca, key);
    Path elsewhere = Files.move(cert, dir.resolve(key.getFileName() + ".certificate"));
    GatlingResult withCert = connect(protocol(key).certificate(elsewhere.toString()));
    assertThat(withCert.ok("connect")).as(withCert.summary()).isEqualTo(2);

    GatlingResult without = connect(protocol(key));
    assertThat(without.koMessages("connect"))
        .as(without.summary())
        .containsOnly(
            "auth: server accepted none of [publickey] for user '" + sshd.username() + "'");
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() throws Exception {
    Path wrongCa = keygen(dir.resolve("other_ca"));
    Path key = unauthorizedKey();
    sign(wrongCa, key);
    GatlingResult r = connect(protocol(key));
    assertThat(r.koMessages("connect"))
        .as(r.summary())
        .containsOnly(
            "auth: server accepted none of [publickey] for user '" + sshd.username() + "'");
    assertThat(r.koMessages("whoami"))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).startsWith("not connected:"));
  }

  @Test
  void aCertificateOfAnotherKeyOrWithoutAKeyFailsTheBuild() throws Exception {
    Path key = unauthorizedKey();
    Path other = unauthorizedKey();
    Path otherCert = sign(ca, other);
    assertThatThrownBy(
            () ->
                Runs.atOnce(
                    () -> scenario("x").exec(ssh("connect").connect()),
                    1,
                    protocol(key).certificate(otherCert.toString())))
        .hasStackTraceContaining("does not certify the key");
    assertThatThrownBy(
            () ->
                ssh.host("h")
                    .username("u")
                    .password("p")
                    .certificate(otherCert.toString())
                    .protocol())
        .hasMessageContaining("needs the private key it certifies");
  }
}
