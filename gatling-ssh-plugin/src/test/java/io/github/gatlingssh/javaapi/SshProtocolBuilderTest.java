package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.SshDsl.ssh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.sftp.SftpSettings;
import io.github.gatlingssh.protocol.ClientOptions;
import io.github.gatlingssh.protocol.HostKeyVerification;
import io.github.gatlingssh.protocol.SshProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshProtocolBuilderTest {

  @TempDir Path dir;

  private Path keyFile() throws IOException {
    return Files.writeString(dir.resolve("id_test"), "not checked at build time beyond existence");
  }

  @Test
  void aCompleteProtocolBuilds() throws IOException {
    SshProtocol p =
        ssh.host("127.0.0.1")
            .port(2222)
            .username("bench")
            .privateKey(keyFile().toString())
            .connectTimeout(Duration.ofSeconds(3))
            .requestTimeout(Duration.ofSeconds(7))
            .protocol();
    assertThat(p.target().port().staticValue()).contains(2222);
    assertThat(p.client().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.client().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(p.hostKeys().mode()).isEqualTo(HostKeyVerification.Mode.KNOWN_HOSTS);
  }

  @Test
  void buildersAreImmutable() {
    SshProtocolBuilder a = ssh.host("a");
    SshProtocolBuilder b = a.host("b");
    assertThat(a).isNotSameAs(b);
    assertThat(a.host("x").username("u").password("p").protocol().target().host().staticValue())
        .contains("x");
    assertThatThrownBy(ssh::protocol).hasMessageContaining("no host");
  }

  @Test
  void missingHostSaysWhatToSet() {
    assertThatThrownBy(() -> ssh.username("u").password("p").protocol())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SSH protocol: no host: set ssh.host(\"...\")");
  }

  @Test
  void missingUsernameSaysWhatToSet() {
    assertThatThrownBy(() -> ssh.host("h").password("p").protocol())
        .hasMessage("SSH protocol: no username: set .username(\"...\")");
  }

  @Test
  void missingCredentialSaysWhatToSet() {
    assertThatThrownBy(() -> ssh.host("h").username("u").protocol())
        .hasMessageContaining("no credential: set .privateKey(")
        .hasMessageContaining(".password(");
  }

  @Test
  void missingKeyFileIsNamed() {
    assertThatThrownBy(
            () -> ssh.host("h").username("u").privateKey(dir.resolve("nope").toString()).protocol())
        .hasMessageContaining("private key file " + dir.resolve("nope"))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aKeyPathInElIsCheckedPerUserNotAtBuildTime() {
    assertThat(ssh.host("h").username("u").privateKey("#{keyPath}").protocol().auth().privateKey())
        .isNotNull();
  }

  @Test
  void portsOutOfRangeAreRejected() {
    assertThatThrownBy(() -> ssh.port(0)).hasMessageContaining("port 0 is out of range 1-65535");
    assertThatThrownBy(() -> ssh.port(65536)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> ssh.port("70000")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> ssh.port("ssh")).hasMessageContaining("not a number");
    assertThat(ssh.port("#{port}")).isNotNull();
  }

  @Test
  void emptyValuesAreRejected() {
    assertThatThrownBy(() -> ssh.host(" ")).hasMessageContaining("host must not be empty");
    assertThatThrownBy(() -> ssh.username("")).hasMessageContaining("username must not be empty");
  }

  @Test
  void missingKnownHostsFileSaysHowToFix() {
    assertThatThrownBy(
            () ->
                ssh.host("h")
                    .username("u")
                    .password("p")
                    .knownHosts(dir.resolve("kh").toString())
                    .protocol())
        .hasMessageContaining("known_hosts file")
        .hasMessageContaining("ssh-keyscan")
        .hasMessageContaining("acceptAnyHostKey()");
  }

  @Test
  void fingerprintsMustLookLikeOpenSsh() {
    assertThat(
            ssh.hostKeyFingerprint("SHA256:abc")
                .host("h")
                .username("u")
                .password("p")
                .protocol()
                .hostKeys()
                .mode())
        .isEqualTo(HostKeyVerification.Mode.FINGERPRINTS);
    assertThatThrownBy(() -> ssh.hostKeyFingerprint())
        .hasMessageContaining("at least one fingerprint");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> ssh.connectTimeout(Duration.ZERO))
        .hasMessageContaining("connectTimeout must be a positive");
    assertThatThrownBy(() -> ssh.requestTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("requestTimeout");
  }

  @Test
  void unknownAlgorithmsAreNamedWithTheSupportedOnes() {
    assertThatThrownBy(() -> ssh.kexAlgorithms("curve25519-sha256", "no-such-kex"))
        .hasMessageContaining("unsupported kex algorithms [no-such-kex]")
        .hasMessageContaining("curve25519-sha256");
    assertThatThrownBy(() -> ssh.ciphers("rot13"))
        .hasMessageContaining("unsupported ciphers [rot13]");
    assertThatThrownBy(() -> ssh.ioThreads(-1)).hasMessageContaining("ioThreads");
  }

  @Test
  void theDefaultKexPutsCurve25519FirstAndHasNoPostQuantumHybrid() {
    SshProtocol p = ssh.host("h").username("u").password("p").protocol();
    assertThat(p.algorithms().kexAlgorithms()).first().isEqualTo("curve25519-sha256");
    assertThat(p.algorithms().kexAlgorithms())
        .noneMatch(k -> k.contains("sntrup") || k.contains("mlkem"));
  }

  @Test
  void eachSettingLandsInItsGroupAndTheClientSettingsAreMadeFromAlgorithmsAndClientOptions() {
    SshProtocol p =
        ssh.host("h")
            .port("#{port}")
            .username("u")
            .password("p")
            .kexAlgorithms("ecdh-sha2-nistp256")
            .ciphers("aes256-ctr")
            .macs("hmac-sha2-256")
            .ioThreads(3)
            .windowSize(1 << 16)
            .charset("ISO-8859-1")
            .maxOutputLength(10)
            .disableWarmUp()
            .acceptAnyHostKey()
            .protocol();
    assertThat(p.target().port().staticValue()).isEmpty();
    assertThat(p.auth().password()).isNotNull();
    assertThat(p.auth().privateKey()).isNull();
    assertThat(p.hostKeys().mode()).isEqualTo(HostKeyVerification.Mode.ACCEPT_ANY);
    assertThat(p.output().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(p.output().maxOutputLength()).isEqualTo(10);
    assertThat(p.client().warmUp()).isFalse();
    assertThat(p.client().connectTimeout()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
    assertThat(p.clientSettings())
        .isEqualTo(
            new ClientSettings(
                List.of("ecdh-sha2-nistp256"),
                List.of("aes256-ctr"),
                List.of("hmac-sha2-256"),
                3,
                1 << 16));
    assertThat(ssh.host("h").username("u").password("p").protocol().clientSettings())
        .isEqualTo(ClientSettings.DEFAULT);
    assertThat(ssh.host("h").username("u").password("p").protocol().client().warmUp()).isTrue();
  }

  @Test
  void secretsAreNotPrinted() {
    SshProtocol p = ssh.host("h").username("u").password("hunter2").protocol();
    assertThat(p.toString()).doesNotContain("hunter2").contains("password=***");
    SshProtocol k = ssh.host("h").username("u").privateKey("#{k}", "s3cret-passphrase").protocol();
    assertThat(k.toString()).doesNotContain("s3cret-passphrase");
  }

  @Test
  void requestBuildersValidateTheirInput() {
    assertThatThrownBy(() -> SshDsl.ssh("")).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> SshDsl.ssh("x").exec(" "))
        .hasMessageContaining("command must not be empty");
    assertThatThrownBy(() -> SshDsl.ssh("x").exec("true").timeout(Duration.ZERO))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> SshDsl.ssh("x").start("true").channelName(""))
        .hasMessageContaining("channelName");
  }

  @Test
  void sftpPipeliningIsSetOnTheProtocolAndCheckedWhenBuilt() {
    SshProtocolBuilder base = ssh.host("h").username("u").password("p");
    assertThat(base.protocol().sftp()).isEqualTo(SftpSettings.DEFAULTS);
    SshProtocol p = base.sftpChunkSize(64 * 1024).sftpMaxRequests(16).protocol();
    assertThat(p.sftp()).isEqualTo(new SftpSettings(64 * 1024, 16));
    // each setting keeps the other
    assertThat(base.sftpMaxRequests(8).sftpChunkSize(1000).protocol().sftp())
        .isEqualTo(new SftpSettings(1000, 8));
    assertThatThrownBy(() -> base.sftpChunkSize(0))
        .hasMessage(
            "SSH protocol: sftpChunkSize(0): sftp chunk size must be between 1 and "
                + SftpSettings.MAX_CHUNK_SIZE
                + " bytes (OpenSSH's servers refuse larger messages), got 0");
    assertThatThrownBy(() -> base.sftpChunkSize(256 * 1024))
        .hasMessageStartingWith("SSH protocol: sftpChunkSize(262144): sftp chunk size must be");
    assertThatThrownBy(() -> base.sftpMaxRequests(0))
        .hasMessage(
            "SSH protocol: sftpMaxRequests(0): sftp max requests in flight must be between 1 and"
                + " 1024, got 0");
    assertThatThrownBy(() -> base.sftpMaxRequests(1025))
        .hasMessageStartingWith("SSH protocol: sftpMaxRequests(1025)");
  }
}
