package io.github.gatlingssh.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gatlingssh.testkit.SshCommandLine;
import io.github.gatlingssh.testkit.junit.ClassServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link PrivateSshd} against the OpenSSH client and the MINA SSHD client. */
class PrivateSshdTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @RegisterExtension static final ClassServer<PrivateSshd> SSHD = ClassServer.openSsh();

  private static PrivateSshd sshd() {
    return SSHD.get();
  }

  @Test
  void sshClientLogsInWithDefaultKeyAndRunsCommand() {
    CommandRunner.Result result = ssh(sshd(), sshd().userKey(), "echo hi");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout().strip()).isEqualTo("hi");
    assertThat(sshd().log()).contains("Accepted publickey for " + sshd().username());
  }

  @Test
  void loginUserIsNeverRoot() {
    CommandRunner.Result result = ssh(sshd(), sshd().userKey(), "id -un; id -u");

    assertThat(result.stdout().lines()).hasSize(2).first().isEqualTo(sshd().username());
    assertThat(result.stdout().lines()).last().isNotEqualTo("0");
  }

  @Test
  void keyThatIsNotAuthorizedIsRefusedUntilAuthorized() {
    Path key = sshd().generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, null, false);

    CommandRunner.Result refused = ssh(sshd(), key, "echo hi");
    assertThat(refused.exitCode()).isEqualTo(255);
    assertThat(refused.stderr()).contains("Permission denied (publickey)");

    sshd().authorizeKey(key);
    assertThat(ssh(sshd(), key, "echo hi").stdout().strip()).isEqualTo("hi");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void knownHostsFileVerifiesEveryHostKeyType(KeyType type) {
    String algorithm = type == KeyType.RSA ? "rsa-sha2-512" : type.sshName();

    CommandRunner.Result result =
        ssh(sshd(), sshd().userKey(), "echo hi", "-v", "-o", "HostKeyAlgorithms=" + algorithm);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .contains("Server host key: " + type.sshName() + " " + sshd().hostKeyFingerprint(type))
        .contains("Host '[127.0.0.1]:" + sshd().port() + "' is known and matches");
  }

  @Test
  void otherHostKeyInKnownHostsIsRejected(@TempDir Path tmp) throws IOException {
    Path otherKey = tmp.resolve("other");
    SshKeygen.generate(KeyType.ED25519, KeyFormat.OPENSSH, null, otherKey);
    Path knownHosts = tmp.resolve("known_hosts");
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:" + sshd().port() + " " + SshKeygen.publicKeyLine(otherKey) + "\n");

    CommandRunner.Result result =
        ssh(sshd(), sshd().userKey(), knownHosts, "echo hi", "-o", "HostKeyAlgorithms=ssh-ed25519");

    assertThat(result.exitCode()).isEqualTo(255);
    assertThat(result.stderr()).contains("Host key verification failed");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void hostKeyFingerprintIsWhatSshKeygenPrints(KeyType type) {
    Path publicKey = sshd().dir().resolve("host_" + type.keygenName() + "_key.pub");

    String printed =
        CommandRunner.runOrFail(
            "ssh-keygen -lf", List.of("ssh-keygen", "-lf", publicKey.toString()));

    assertThat(printed.split(" ")[1]).isEqualTo(sshd().hostKeyFingerprint(type.keygenName()));
    assertThat(sshd().hostKeyFingerprint(type.sshName()))
        .isEqualTo(sshd().hostKeyFingerprint(type));
  }

  static Stream<Arguments> keyTypesAndFormats() {
    return Stream.of(
        Arguments.of(KeyType.ED25519, KeyFormat.OPENSSH, "BEGIN OPENSSH PRIVATE KEY"),
        Arguments.of(KeyType.ECDSA, KeyFormat.OPENSSH, "BEGIN OPENSSH PRIVATE KEY"),
        Arguments.of(KeyType.RSA, KeyFormat.OPENSSH, "BEGIN OPENSSH PRIVATE KEY"),
        Arguments.of(KeyType.ECDSA, KeyFormat.PEM, "BEGIN EC PRIVATE KEY"),
        Arguments.of(KeyType.RSA, KeyFormat.PEM, "BEGIN RSA PRIVATE KEY"));
  }

  @ParameterizedTest
  @MethodSource("keyTypesAndFormats")
  void generatedUserKeysLogIn(KeyType type, KeyFormat format, String header) throws IOException {
    Path key = sshd().generateUserKey(type, format, null, true);

    assertThat(Files.readString(key)).contains(header);
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ssh(sshd(), key, "echo hi").stdout().strip()).isEqualTo("hi");
  }

  @Test
  void ed25519KeysCannotBeWrittenAsPem() {
    assertThatThrownBy(() -> sshd().generateUserKey(KeyType.ED25519, KeyFormat.PEM, null, true))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void passphraseProtectsGeneratedKey() throws Exception {
    Path key = sshd().generateUserKey(KeyType.ECDSA, KeyFormat.PEM, "correct horse", true);

    assertThat(ssh(sshd(), key, "echo hi").exitCode()).isEqualTo(255); // BatchMode: cannot ask
    assertThat(CommandRunner.run(keygenY(key, "wrong")).ok()).isFalse();
    assertThat(CommandRunner.run(keygenY(key, "correct horse")).stdout())
        .startsWith(KeyType.ECDSA.sshName());
    try (SshClient client = minaClient()) {
      KeyPair pair = loadKey(key, "correct horse");
      assertThat(minaExec(client, sshd(), session -> session.addPublicKeyIdentity(pair), "echo hi"))
          .isEqualTo("hi");
    }
  }

  @Test
  void minaClientLogsInVerifyingKnownHostsFile() throws Exception {
    try (SshClient client = minaClient()) {
      KeyPair pair = loadKey(sshd().userKey(), null);

      String output =
          minaExec(client, sshd(), session -> session.addPublicKeyIdentity(pair), "echo hi");

      assertThat(output).isEqualTo("hi");
    }
  }

  @Test
  void dataFilesAreReadableAndDataDirWritableByLoginUser() {
    byte[] content = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
    Path file = sshd().createDataFile("sub/dir/data.txt", content);

    CommandRunner.Result cat = ssh(sshd(), sshd().userKey(), "cat " + file);
    CommandRunner.Result write =
        ssh(sshd(), sshd().userKey(), "echo x > " + sshd().dataDir() + "/upload && echo written");

    assertThat(file).isAbsolute().startsWith(sshd().dataDir());
    assertThat(cat.stdout()).isEqualTo("line 1\nline 2\n");
    assertThat(write.stdout().strip()).as(write.stderr()).isEqualTo("written");
    assertThatThrownBy(() -> sshd().createDataFile("../escape", content))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passwordLoginWorksAsRoot() throws Exception {
    assumeTrue(PrivateSshd.passwordLoginSupported(), "password logins need root");
    try (PrivateSshd server =
            PrivateSshd.start(SshdOptions.builder().passwordAuthentication(true).build());
        SshClient client = minaClient()) {
      String password = server.password().orElseThrow();

      assertThat(minaExec(client, server, s -> s.addPasswordIdentity(password), "echo hi"))
          .isEqualTo("hi");
      assertThatThrownBy(
              () -> minaExec(client, server, s -> s.addPasswordIdentity("wrong"), "echo hi"))
          .isInstanceOf(IOException.class);
      assertThat(server.log()).contains("Accepted password for " + server.username());
    }
  }

  @Test
  void passwordIsEmptyUnlessEnabledAndRoot() {
    assertThat(sshd().password()).isEmpty();
    assumeFalse(PrivateSshd.passwordLoginSupported());
    try (PrivateSshd server =
        PrivateSshd.start(SshdOptions.builder().passwordAuthentication(true).build())) {
      assertThat(server.password()).isEmpty();
    }
  }

  @Test
  void optionsAndExtraConfigReachSshd() {
    SshdOptions options =
        SshdOptions.builder()
            .maxStartups("5:50:10")
            .maxSessions(3)
            .extraConfig("MaxAuthTries 2", "MaxSessions 4", "Match User nobody", "  MaxSessions 1")
            .build();
    try (PrivateSshd server = PrivateSshd.start(options)) {
      String effective =
          CommandRunner.runOrFail(
              "sshd -T",
              List.of(
                  OpenSsh.sshd().orElseThrow().toString(),
                  "-T",
                  "-f",
                  server.dir().resolve("sshd_config").toString(),
                  "-C",
                  "user=" + server.username() + ",host=localhost,addr=127.0.0.1"));

      assertThat(effective.lines())
          .contains(
              "maxstartups 5:50:10",
              "maxauthtries 2",
              "maxsessions 4",
              "port " + server.port(),
              "passwordauthentication no",
              "permitrootlogin no");
      assertThat(ssh(server, server.userKey(), "echo hi").stdout().strip()).isEqualTo("hi");
    }
  }

  @Test
  void portTakenByAnotherProcessIsRetriedWithAnotherPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(PrivateSshd.HOST))) {
      Deque<Integer> ports =
          new ArrayDeque<>(List.of(taken.getLocalPort(), ServerProbe.freePort()));

      try (PrivateSshd server = PrivateSshd.start(SshdOptions.defaults(), ports::pop)) {
        assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
        assertThat(ssh(server, server.userKey(), "echo hi").stdout().strip()).isEqualTo("hi");
      }
    }
  }

  @RepeatedTest(3)
  void startupProbeDoesNotUseUpASmallMaxStartups() {
    try (PrivateSshd server = PrivateSshd.start(SshdOptions.builder().maxStartups("1").build())) {
      CommandRunner.Result result = ssh(server, server.userKey(), "echo hi");

      assertThat(result.stdout().strip()).as(result.stderr()).isEqualTo("hi");
    }
  }

  @Test
  void invalidConfigFailsWithSshdExplanationAndLeavesNothingBehind() throws IOException {
    Path base = Files.createTempDirectory("private-sshd-test-base-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      SshdOptions options =
          SshdOptions.builder().baseDir(base).extraConfig("NoSuchKeyword yes").build();

      assertThatThrownBy(() -> PrivateSshd.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("sshd -t rejected")
          .hasMessageContaining("NoSuchKeyword");
      try (Stream<Path> left = Files.list(base)) {
        assertThat(left).isEmpty();
      }
    } finally {
      Files.deleteIfExists(base);
    }
  }

  @Test
  void killDropsOpenConnectionsAndRefusesNewOnes() throws Exception {
    try (PrivateSshd server = PrivateSshd.start()) {
      Process client = startSsh(server, "echo started; exec sleep 300");
      try (BufferedReader out = client.inputReader(StandardCharsets.UTF_8)) {
        assertThat(out.readLine()).isEqualTo("started");
        List<ProcessHandle> sshdProcesses =
            ProcessTree.members(ProcessHandle.of(server.pid()).orElseThrow());
        assertThat(sshdProcesses).hasSizeGreaterThanOrEqualTo(3); // listener, connection, sleep

        server.kill();

        assertThat(ServerProbe.refusesConnections(server.port())).isTrue();
        assertThat(server.isAlive()).isFalse();
        assertThat(sshdProcesses).allMatch(ProcessTree::hasExited);
        assertThat(client.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).isEqualTo(255);
        assertThat(server.cpuSeconds()).isGreaterThanOrEqualTo(0.0);
      } finally {
        client.destroyForcibly();
      }
    }
  }

  @Test
  void closeKillsConnectionsThatOutliveAKilledListener() throws Exception {
    PrivateSshd server = PrivateSshd.start();
    Process client = startSsh(server, "echo started; exec sleep 300");
    try (BufferedReader out = client.inputReader(StandardCharsets.UTF_8)) {
      assertThat(out.readLine()).isEqualTo("started");
      ProcessHandle listener = ProcessHandle.of(server.pid()).orElseThrow();
      List<ProcessHandle> connection = listener.descendants().toList();

      listener.destroyForcibly();
      listener.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(connection).isNotEmpty().noneMatch(ProcessTree::hasExited);

      server.close();

      assertThat(connection).allMatch(ProcessTree::hasExited);
      assertThat(client.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      client.destroyForcibly();
      server.close();
    }
  }

  @Test
  void perSourcePenaltiesIsOnlyConfiguredFromOpenSsh98() {
    assertThat(OpenSsh.atLeast("OpenSSH_9.2p1 Debian-2+deb12u7, OpenSSL 3.0.19", 9, 8)).isFalse();
    assertThat(OpenSsh.atLeast("OpenSSH_9.8p1, OpenSSL 3.3.1", 9, 8)).isTrue();
    assertThat(OpenSsh.atLeast("OpenSSH_10.0p2", 9, 8)).isTrue();
    assertThat(sshd().dir().resolve("sshd_config"))
        .content()
        .satisfies(
            config ->
                assertThat(config.contains("PerSourcePenalties no"))
                    .isEqualTo(OpenSsh.supportsPerSourcePenalties()));
  }

  @Test
  void closeDeletesDirectoryAndIsIdempotent() {
    PrivateSshd server = PrivateSshd.start();
    Path dir = server.dir();
    assertThat(dir.resolve("sshd_config")).exists();

    server.close();
    server.close();

    assertThat(dir).doesNotExist();
    assertThat(server.isAlive()).isFalse();
  }

  @Test
  void cpuSecondsIsMeasured() {
    ssh(sshd(), sshd().userKey(), "true");

    assertThat(sshd().cpuSeconds()).isGreaterThanOrEqualTo(0.0).isFinite();
  }

  @Test
  void keyTypeNamesAreRecognised() {
    assertThat(KeyType.of("rsa-sha2-256")).isEqualTo(KeyType.RSA);
    assertThat(KeyType.of("SSH-ED25519")).isEqualTo(KeyType.ED25519);
    assertThat(EnumSet.allOf(KeyType.class))
        .allMatch(t -> KeyType.of(t.keygenName()) == t && KeyType.of(t.name()) == t);
    assertThatThrownBy(() -> KeyType.of("dsa")).isInstanceOf(IllegalArgumentException.class);
  }

  // --- helpers -------------------------------------------------------------------------------

  private static CommandRunner.Result ssh(
      PrivateSshd server, Path key, String command, String... options) {
    return ssh(server, key, server.knownHostsFile(), command, options);
  }

  private static CommandRunner.Result ssh(
      PrivateSshd server, Path key, Path knownHosts, String command, String... options) {
    List<String> args = SshCommandLine.of(server, key, knownHosts, command, options);
    return CommandRunner.run(args, null, TIMEOUT);
  }

  private static Process startSsh(PrivateSshd server, String command) throws IOException {
    return new ProcessBuilder(
            SshCommandLine.of(server, server.userKey(), server.knownHostsFile(), command))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static List<String> keygenY(Path key, String passphrase) {
    return List.of("ssh-keygen", "-y", "-P", passphrase, "-f", key.toString());
  }

  private static SshClient minaClient() {
    SshClient client = SshClient.setUpDefaultClient();
    client.start();
    return client;
  }

  private static KeyPair loadKey(Path key, String passphrase) throws Exception {
    FilePasswordProvider passwords =
        passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
    try (InputStream in = Files.newInputStream(key)) {
      return SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(key.toString()), in, passwords)
          .iterator()
          .next();
    }
  }

  private interface Identity {
    void addTo(ClientSession session);
  }

  /** Connects verifying the server's known_hosts file, authenticates, runs a command. */
  private static String minaExec(
      SshClient client, PrivateSshd server, Identity identity, String command) throws IOException {
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(
            RejectAllServerKeyVerifier.INSTANCE, server.knownHostsFile()));
    try (ClientSession session =
        client
            .connect(server.username(), server.host(), server.port())
            .verify(TIMEOUT)
            .getSession()) {
      identity.addTo(session);
      session.auth().verify(TIMEOUT);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ChannelExec channel = session.createExecChannel(command)) {
        channel.setOut(out);
        channel.open().verify(TIMEOUT);
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
      }
      return out.toString(StandardCharsets.UTF_8).strip();
    }
  }
}
