package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.Overlap;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.openssh.KeyFormat;
import io.github.gatlingssh.testkit.openssh.KeyType;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real Gatling runs against a real OpenSSH sshd, started privately on a free loopback port. */
class OpenSshTest {
  @RegisterExtension static final ClassServer<PrivateSshd> SSHD = ClassServer.openSsh();

  @TempDir Path tmp;

  private static SshProtocolBuilder protocol() {
    return TestProtocols.withKnownHosts(SSHD.get());
  }

  @Test
  void aNonZeroExitIsKoUnlessCheckedAndASignalIsNamed() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("exits")
                    .exec(ssh("exit 3").exec("exit 3"))
                    .exec(ssh("exit 3 checked").exec("exit 3").check(exitStatus().is(3)))
                    .exec(ssh("killed").exec("sh -c 'kill -KILL $$'"))
                    .exec(
                        ssh("killed checked")
                            .exec("sh -c 'kill -TERM $$'")
                            .check(exitSignal().is("TERM")))
                    .exec(ssh("missing").exec("no-such-command-here"))
                    .exec(
                        ssh("stderr")
                            .exec("echo oops >&2")
                            .check(stderr().is("oops\n"), stdout().is("")))
                    .exec(ssh("disconnect").disconnect()),
            2,
            protocol());

    Runs.assertAllOk(r, 2, "exit 3 checked", "killed checked", "stderr", "disconnect");
    assertThat(r.koMessages("exit 3")).as(r.summary()).containsOnly("exit status 3");
    assertThat(r.koMessages("killed")).containsOnly("killed by signal KILL");
    assertThat(r.koMessages("missing")).containsOnly("exit status 127");
  }

  @Test
  void twoHundredUsersSleepAtTheSameTime() {
    // all connected first (a rendez-vous, bounded by maxDuration), so that how long 200 handshakes
    // take on a loaded machine does not matter: then 200 sleeps start together
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("sleepers")
                    .rendezVous(200)
                    .exec(ssh("sleep 1").exec("sleep 1"))
                    .exec(ssh("disconnect").disconnect()),
            200,
            // 200 OpenSSH handshakes at once on 2 cores shared with the test JVM can take
            // longer than the default 10 s: the connect timeout is no part of this test
            protocol().connectTimeout(Duration.ofSeconds(60)),
            Duration.ofSeconds(120));

    assertThat(r.ok("sleep 1")).as(r.summary()).isEqualTo(200);
    // with a blocking client the sleeps would run a few at a time (one per thread)
    assertThat(Overlap.max(r.requests("sleep 1"))).isGreaterThanOrEqualTo(150);
  }

  @Test
  void aKeyTheServerDoesNotKnowIsKoNamingAuthAndTheMethod() {
    Path stranger = SSHD.get().generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, null, false);
    GatlingResult r =
        Runs.atOnce(
            () -> Scenarios.connected("stranger").exec(ssh("echo").exec("echo hi")),
            2,
            protocol().privateKey(stranger.toString()));

    assertThat(r.koMessages("connect"))
        .as(r.summary())
        .containsOnly(
            "auth: server accepted none of [publickey] for user '" + SSHD.get().username() + "'");
    assertThat(r.koMessages("echo"))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).startsWith("not connected:").contains("connect()"));
  }

  @Test
  void anUnknownHostKeyIsKoWithTheFingerprintAndTheFix() throws Exception {
    Path emptyKnownHosts = Files.createFile(tmp.resolve("known_hosts"));
    GatlingResult r =
        Runs.atOnce(
            () -> scenario("strict").exec(ssh("connect").connect()),
            1,
            protocol().knownHosts(emptyKnownHosts.toString()));

    String fingerprint = SSHD.get().hostKeyFingerprint(KeyType.ED25519);
    assertThat(r.koMessages("connect"))
        .as(r.summary())
        .singleElement()
        .asString()
        .startsWith("host key: unknown host [127.0.0.1]:" + SSHD.get().port())
        .contains(fingerprint.substring(0, 20))
        .contains("acceptAnyHostKey()");
  }

  @Test
  void aKnownHostsWithOnlyTheRsaKeyStillMatches() throws Exception {
    Path rsaOnly =
        Files.writeString(
            tmp.resolve("known_hosts_rsa"),
            "[127.0.0.1]:"
                + SSHD.get().port()
                + " "
                + SSHD.get().hostPublicKey(KeyType.RSA)
                + "\n");
    GatlingResult r =
        Runs.atOnce(
            () -> scenario("rsa known").exec(ssh("connect").connect()),
            1,
            protocol().knownHosts(rsaOnly.toString()));

    assertThat(r.ok("connect")).as(r.summary()).isEqualTo(1);
  }

  @Test
  void ecdsaRsaPemAndPassphraseProtectedKeysAuthenticate() {
    Path ecdsa = SSHD.get().generateUserKey(KeyType.ECDSA);
    Path rsaPem = SSHD.get().generateUserKey(KeyType.RSA, KeyFormat.PEM, null, true);
    Path protectedKey =
        SSHD.get().generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, "correct horse", true);
    GatlingResult r =
        Runs.together(
            new Runs.Group(
                () -> scenario("ecdsa").exec(ssh("ecdsa").connect()),
                2,
                protocol().privateKey(ecdsa.toString())),
            new Runs.Group(
                () -> scenario("rsa pem").exec(ssh("rsa pem").connect()),
                2,
                protocol().privateKey(rsaPem.toString())),
            new Runs.Group(
                () -> scenario("passphrase").exec(ssh("passphrase").connect()),
                2,
                protocol().privateKey(protectedKey.toString(), "correct horse")));

    Runs.assertAllOk(r, 2, "ecdsa", "rsa pem", "passphrase");
  }
}
