package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.BlackHole;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.embedded.Faults;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.JvmResources;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.openssh.KeyFormat;
import io.github.gatlingssh.testkit.openssh.KeyType;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's fault matrix: for each way a server or network can fail, a real Gatling run asserting
 * OK/KO counts per request and what the KO messages say. A real OpenSSH {@code sshd} produces the
 * faults it can (refused auth, unknown and changed host keys, MaxStartups, MaxSessions, signals, a
 * killed server); the embedded server's {@link Faults} produce the others (no banner, a connection
 * dropped during key exchange or authentication, a command that never ends, floods, binary output).
 * Everything stays on 127.0.0.1, is bounded in users and time, and ends by itself.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultMatrixTest {

  /** A connect timeout that is never reached unless the test is about reaching it. */
  private static final Duration PATIENT = Duration.ofSeconds(30);

  /** A connect or request timeout the test expects to be reached. */
  private static final Duration SHORT = Duration.ofSeconds(1);

  /** "Fast": well under {@link #PATIENT}, yet generous for a loaded 2-core machine. */
  private static final long FAST_MS = 5_000;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(FaultMatrixTest.class);

  @RegisterExtension
  static final ClassServer<PrivateSshd> SSHD =
      ClassServer.openSsh(
          SshdOptions.builder().passwordAuthentication(true).maxSessions(2).build());

  /** An embedded server without faults, shared by the tests that need no other. */
  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> PLAIN =
      ClassServer.embedded(EmbeddedSshServer.builder());

  @TempDir Path tmp;

  /**
   * Runs a simulation; dumps the threads if the run hangs (the class timeout then fails the test).
   */
  private static GatlingResult run(Consumer<Simulation> setUp) {
    return run(setUp, Map.of());
  }

  private static GatlingResult run(
      Consumer<Simulation> setUp, Map<String, String> systemProperties) {
    try (Watchdog watchdog = Watchdog.start("Gatling run", Duration.ofSeconds(60))) {
      return ScriptedSimulation.run(setUp, systemProperties);
    }
  }

  /** One scenario whose {@code users} all start at once, with {@code protocol}; as {@link #run}. */
  private static GatlingResult atOnce(
      Supplier<ScenarioBuilder> scenario, int users, SshProtocolBuilder protocol) {
    return run(sim -> sim.setUp(scenario.get().injectOpen(atOnceUsers(users))).protocols(protocol));
  }

  /** The {@code groups} side by side in one simulation; as {@link #run}. */
  private static GatlingResult together(Runs.Group... groups) {
    return together(Map.of(), groups);
  }

  /** As {@link #together(Runs.Group...)}, the JVM's {@code systemProperties} set for the run. */
  private static GatlingResult together(
      Map<String, String> systemProperties, Runs.Group... groups) {
    return run(
        sim -> sim.setUp(Arrays.stream(groups).map(Runs.Group::population).toList()),
        systemProperties);
  }

  /**
   * Two users of scenario {@code name} that only connect, as {@code request}, with {@code
   * protocol}.
   */
  private static Runs.Group twoConnecting(
      String name, String request, SshProtocolBuilder protocol) {
    return new Runs.Group(() -> scenario(name).exec(ssh(request).connect()), 2, protocol);
  }

  private static SshProtocolBuilder openSsh(PrivateSshd server) {
    return TestProtocols.withKnownHosts(server).connectTimeout(PATIENT);
  }

  private SshProtocolBuilder embedded(EmbeddedSshServer server) throws IOException {
    return TestProtocols.withKnownHosts(server).connectTimeout(PATIENT);
  }

  private static EmbeddedSshServer embeddedServer(Faults faults) throws IOException {
    return EmbeddedSshServer.builder().customize(faults.injector()).build().start();
  }

  // --- nothing listens -----------------------------------------------------------------------

  @Test
  void nothingListening_connectIsRefusedFast() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    SshProtocolBuilder protocol =
        ssh.host("127.0.0.1")
            .port(port)
            .username("nobody")
            .password("x")
            .acceptAnyHostKey()
            .connectTimeout(PATIENT);

    GatlingResult r =
        atOnce(() -> Scenarios.connected("refused").exec(ssh("echo").exec("echo hi")), 5, protocol);

    assertThat(r.ko("connect")).as(r.summary()).isEqualTo(5);
    assertThat(r.koMessages("connect"))
        .containsOnly("connect: connection refused (127.0.0.1:" + port + ")");
    assertThat(r.requests("connect"))
        .allSatisfy(q -> assertThat(q.responseTime()).isLessThan(FAST_MS));
    assertThat(r.ko("echo")).isEqualTo(5);
    assertThat(r.koMessages("echo"))
        .allSatisfy(m -> assertThat(m).startsWith("not connected: no SSH connection"));
  }

  // --- black hole, silent server -------------------------------------------------------------

  @Test
  void blackHoledAddress_connectTimesOutAtConnectTimeout() {
    try (BlackHole hole = BlackHole.open()) {
      GatlingResult r =
          atOnce(
              () -> scenario("black hole").exec(ssh("connect").connect()),
              3,
              ssh.host(hole.host())
                  .port(hole.port())
                  .username("nobody")
                  .password("x")
                  .acceptAnyHostKey()
                  .connectTimeout(SHORT));

      assertThat(r.ko("connect")).as(r.summary()).isEqualTo(3);
      assertThat(r.koMessages("connect"))
          .containsOnly(
              "timeout: connect: TCP connect to 127.0.0.1:"
                  + hole.port()
                  + " not established within 1 s");
      assertTimedOutAt(r.requests("connect"), SHORT);
    }
  }

  @Test
  void blackHoledConnectsDoNotHoldBackConnectsToAHealthyServer() throws IOException {
    Duration stuck = Duration.ofSeconds(8);
    try (BlackHole hole = BlackHole.open();
        EmbeddedSshServer healthy = embeddedServer(Faults.none())) {
      // both protocols share one MINA client (same client settings): 12 pending TCP connects
      // exceed its I/O threads (cores + 1), which MINA's NIO2 connector blocks one per connect
      SshProtocolBuilder healthyProtocol = embedded(healthy).connectTimeout(stuck);
      GatlingResult r =
          together(
              new Runs.Group(
                  () -> scenario("black hole").exec(ssh("stuck connect").connect()),
                  12,
                  ssh.host(hole.host())
                      .port(hole.port())
                      .username("nobody")
                      .password("x")
                      .acceptAnyHostKey()
                      .connectTimeout(stuck)),
              new Runs.Group(
                  () ->
                      scenario("healthy")
                          .pause(Duration.ofMillis(500))
                          .exec(ssh("healthy connect").connect()),
                  2,
                  healthyProtocol));

      assertThat(r.ok("healthy connect")).as(r.summary()).isEqualTo(2);
      assertThat(r.requests("healthy connect"))
          .allSatisfy(q -> assertThat(q.responseTime()).isLessThan(stuck.toMillis() / 2));
      assertThat(r.ko("stuck connect")).isEqualTo(12);
    }
  }

  @Test
  void serverThatNeverSendsItsBanner_connectTimesOutAtConnectTimeout() throws IOException {
    try (EmbeddedSshServer silent =
        embeddedServer(Faults.builder().stall(Faults.Phase.BANNER).build())) {
      GatlingResult r =
          atOnce(
              () -> scenario("silent").exec(ssh("connect").connect()),
              3,
              uncheckedEmbedded(silent).connectTimeout(SHORT));

      assertThat(r.ko("connect")).as(r.summary()).isEqualTo(3);
      assertThat(r.koMessages("connect"))
          .containsOnly(
              "timeout: connect: no SSH banner from 127.0.0.1:" + silent.port() + " within 1 s");
      assertTimedOutAt(r.requests("connect"), SHORT);
    }
  }

  /**
   * The embedded server's protocol without writing a known_hosts file (for servers never reached).
   */
  private static SshProtocolBuilder uncheckedEmbedded(EmbeddedSshServer server) {
    return ssh.host(server.host())
        .port(server.port())
        .username(server.username())
        .privateKey(server.userKey().toString())
        .acceptAnyHostKey();
  }

  /** Each request ended at its timeout: not before, and not much after (generously). */
  private static void assertTimedOutAt(List<SimulationLog.Request> requests, Duration timeout) {
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(
            q ->
                assertThat(q.responseTime())
                    .isBetween(timeout.toMillis() - 50, timeout.toMillis() + FAST_MS));
  }

  // --- authentication --------------------------------------------------------------------------

  @Test
  void wrongPasswordWrongKeyOrKeyNotAuthorized_connectFailsNamingAuthAndTheMethods() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PrivateSshd.passwordLoginSupported(), "password logins need root");
    Path stranger = SSHD.get().generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, null, false);
    Path protectedKey =
        SSHD.get()
            .generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, "the right passphrase", true);
    String user = SSHD.get().username();
    SshProtocolBuilder base =
        ssh.host(SSHD.get().host())
            .port(SSHD.get().port())
            .username(user)
            .knownHosts(SSHD.get().knownHostsFile().toString())
            .connectTimeout(PATIENT);

    GatlingResult r =
        together(
            twoConnecting("wrong password", "wrong password", base.password("not-the-password")),
            twoConnecting(
                "key not authorized", "key not authorized", base.privateKey(stranger.toString())),
            twoConnecting(
                "wrong key and password",
                "wrong key and password",
                base.privateKey(stranger.toString()).password("not-the-password")),
            new Runs.Group(
                () ->
                    scenario("wrong passphrase")
                        .exec(session -> session.set("passphrase", "a wrong passphrase"))
                        .exec(ssh("wrong passphrase").connect()),
                2,
                base.privateKey(protectedKey.toString(), "#{passphrase}")));

    assertThat(r.koMessages("wrong password"))
        .as(r.summary())
        .hasSize(2)
        .containsOnly(
            "auth: server accepted none of [password, keyboard-interactive] for user '"
                + user
                + "'");
    assertThat(r.koMessages("key not authorized"))
        .hasSize(2)
        .containsOnly("auth: server accepted none of [publickey] for user '" + user + "'");
    assertThat(r.koMessages("wrong key and password"))
        .hasSize(2)
        .containsOnly(
            "auth: server accepted none of [publickey, password, keyboard-interactive] for user '"
                + user
                + "'");
    // the key cannot be used at all, so no method is tried; the hint comes before MINA's long
    // reason
    Runs.assertAllKoStartingWith(
        r,
        2,
        "wrong passphrase",
        "auth: cannot load private key "
            + protectedKey.toAbsolutePath()
            + " (wrong passphrase?): ");
    assertThat(r.okCount()).isZero();
  }

  // --- host keys -------------------------------------------------------------------------------

  @Test
  void unknownOrChangedHostKey_connectFailsNamingHostFingerprintAndFix() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home")); // no .ssh/known_hosts in it
    Path otherKey = SSHD.get().generateUserKey(KeyType.ED25519, KeyFormat.OPENSSH, null, false);
    String otherPublicKey =
        Files.readString(Path.of(otherKey + ".pub"), StandardCharsets.US_ASCII).strip();
    String hostName = "[127.0.0.1]:" + SSHD.get().port();
    Path stale =
        Files.writeString(tmp.resolve("known_hosts_stale"), hostName + " " + otherPublicKey + "\n");
    SshProtocolBuilder strictDefault =
        ssh.host(SSHD.get().host())
            .port(SSHD.get().port())
            .username(SSHD.get().username())
            .privateKey(SSHD.get().userKey().toString())
            .connectTimeout(PATIENT);

    GatlingResult r =
        together(
            Map.of("user.home", home.toString()), // the default known_hosts: ~/.ssh/known_hosts
            twoConnecting("unknown", "unknown host", strictDefault),
            twoConnecting(
                "changed", "changed host key", strictDefault.knownHosts(stale.toString())));

    String fingerprint = SSHD.get().hostKeyFingerprint(KeyType.ED25519);
    assertThat(r.koMessages("unknown host"))
        .as(r.summary())
        .hasSize(2)
        .containsOnly(
            "host key: unknown host "
                + hostName
                + ", ssh-ed25519 "
                + fingerprint
                + ": add it to known_hosts, pin hostKeyFingerprint(..) or acceptAnyHostKey()");
    assertThat(r.koMessages("changed host key"))
        .hasSize(2)
        .containsOnly(
            "host key: HOST KEY CHANGED for "
                + hostName
                + ": ssh-ed25519 "
                + fingerprint
                + " differs from known_hosts (ssh-keygen -R to remove the old entry)");
    assertThat(r.okCount()).isZero();
  }

  // --- MaxStartups -----------------------------------------------------------------------------

  @Test
  void burstPastMaxStartups_theDroppedConnectsFailAsRefusedDuringHandshakeTheRestSucceed() {
    int users = 60;
    try (PrivateSshd small =
        PrivateSshd.start(SshdOptions.builder().maxStartups("4:100:4").build())) {
      GatlingResult r =
          atOnce(
              () ->
                  Scenarios.connected("burst")
                      .exec(ssh("echo").exec("echo hi"))
                      .exec(ssh("disconnect").disconnect()),
              users,
              openSsh(small));

      int dropped = r.ko("connect");
      assertThat(r.ok("connect") + dropped).as(r.summary()).isEqualTo(users);
      assertThat(r.ok("connect")).isGreaterThanOrEqualTo(4); // the first 4 are never dropped
      assertThat(dropped).isPositive();
      assertThat(r.koMessages("connect"))
          .containsOnly(
              "connect: connection closed by 127.0.0.1:"
                  + small.port()
                  + " before its SSH banner (refused during handshake, e.g. past OpenSSH's MaxStartups or"
                  + " Dropbear's unauthenticated-connection limits)");
      assertThat(r.requests("connect"))
          .allSatisfy(q -> assertThat(q.responseTime()).isLessThan(PATIENT.toMillis()));
      // the connected users carry on
      assertThat(r.ok("echo")).isEqualTo(r.ok("connect"));
      assertThat(r.ok("disconnect")).isEqualTo(r.ok("connect"));
      assertThat(small.log().split("past MaxStartups", -1).length - 1).isEqualTo(dropped);
    }
  }

  // --- MaxSessions -----------------------------------------------------------------------------

  @Test
  void moreChannelsThanMaxSessions_thatRequestIsRefusedAndTheConnectionStaysUsable()
      throws IOException {
    try (EmbeddedSshServer server =
        EmbeddedSshServer.builder().maxSessionsPerConnection(2).build().start()) {
      SshProtocolBuilder embeddedProtocol = embedded(server);
      GatlingResult r =
          together(
              new Runs.Group(
                  () ->
                      scenario("openssh")
                          .exec(twoRunningThenAThird("openssh"))
                          .exec(ssh("openssh disconnect").disconnect()),
                  3,
                  openSsh(SSHD.get())),
              // OpenSSH frees a session slot lazily (after handling the input that closed
              // it), so a new
              // channel opened right after a close may still be refused: the embedded
              // server frees it at
              // once, and shows the connection taking a new channel again
              new Runs.Group(
                  () ->
                      scenario("embedded")
                          .exec(twoRunningThenAThird("embedded"))
                          .exec(
                              ssh("embedded after")
                                  .exec("echo still here")
                                  .check(stdout().is("still here\n")))
                          .exec(ssh("embedded disconnect").disconnect()),
                  3,
                  embeddedProtocol));

      // OpenSSH 9.2 refuses with SSH_OPEN_CONNECT_FAILED "open failed"
      Runs.assertAllKoStartingWith(
          r,
          3,
          "openssh third channel",
          "channel open: refused by server (SSH_OPEN_CONNECT_FAILED: open failed)");
      assertThat(r.koMessages("embedded third channel"))
          .hasSize(3)
          .allSatisfy(
              m ->
                  assertThat(m)
                      .startsWith(
                          "channel open: refused by server (SSH_OPEN_ADMINISTRATIVELY_PROHIBITED: ")
                      .endsWith(
                          "); the server may limit channels per connection (OpenSSH: MaxSessions)"));
      for (String name :
          List.of("connect", "start a", "start b", "await a", "await b", "disconnect")) {
        assertThat(r.ok("openssh " + name)).as(name + "\n" + r.summary()).isEqualTo(3);
        assertThat(r.ok("embedded " + name)).as(name + "\n" + r.summary()).isEqualTo(3);
      }
      assertThat(r.ok("embedded after")).isEqualTo(3);
      assertThat(r.koCount()).isEqualTo(6);
    }
  }

  /** Two commands running on the user's connection (limit: 2), then a third one; then both end. */
  private static ChainBuilder twoRunningThenAThird(String server) {
    return exec(ssh(server + " connect").connect())
        .exec(ssh(server + " start a").start("sleep 2").channelName("a"))
        .exec(ssh(server + " start b").start("sleep 2").channelName("b"))
        .exec(ssh(server + " third channel").exec("echo c")) // refused
        .exec(ssh(server + " await a").awaitExit().channelName("a"))
        .exec(ssh(server + " await b").awaitExit().channelName("b"));
  }

  // --- a command that never ends -------------------------------------------------------------

  @Test
  void commandThatNeverEnds_koAtTheRequestTimeoutChannelClosedUserContinues() throws IOException {
    SshProtocolBuilder protocol = embedded(PLAIN.get());
    GatlingResult r =
        atOnce(
            () ->
                Scenarios.connected("hang")
                    .exec(ssh("hang").exec("hang").timeout(SHORT))
                    // the server's count of open channels on this connection: only the one asking
                    .exec(ssh("channels").exec("channels").check(stdout().is("1\n")))
                    .exec(ssh("after").exec("echo still here").check(stdout().is("still here\n")))
                    .exec(ssh("disconnect").disconnect()),
            3,
            protocol);

    assertThat(r.ko("hang")).as(r.summary()).isEqualTo(3);
    assertThat(r.koMessages("hang"))
        .containsOnly("timeout: command did not finish within 1 s; channel closed");
    assertTimedOutAt(r.requests("hang"), SHORT);
    for (String name : List.of("connect", "channels", "after", "disconnect")) {
      assertThat(r.ok(name)).as(name + "\n" + r.summary()).isEqualTo(3);
    }
    assertThat(r.koCount()).isEqualTo(3);
  }

  // --- signals ---------------------------------------------------------------------------------

  @Test
  void commandKilledByASignal_koWithTheSignalNameUnlessChecked() throws IOException {
    SshProtocolBuilder embeddedProtocol = embedded(PLAIN.get());
    GatlingResult r =
        together(
            new Runs.Group(
                () ->
                    Scenarios.connected("openssh")
                        .exec(ssh("KILL").exec("sh -c 'kill -KILL $$'"))
                        .exec(
                            ssh("TERM checked")
                                .exec("sh -c 'kill -TERM $$'")
                                .check(exitSignal().is("TERM")))
                        .exec(ssh("disconnect").disconnect()),
                2,
                openSsh(SSHD.get())),
            new Runs.Group(
                () ->
                    Scenarios.connected("embedded")
                        .exec(ssh("SEGV").exec("signal SEGV"))
                        .exec(ssh("HUP checked").exec("signal HUP").check(exitSignal().is("HUP")))
                        .exec(ssh("disconnect").disconnect()),
                2,
                embeddedProtocol));

    assertThat(r.koMessages("KILL"))
        .as(r.summary())
        .hasSize(2)
        .containsOnly("killed by signal KILL");
    assertThat(r.koMessages("SEGV")).hasSize(2).containsOnly("killed by signal SEGV");
    assertThat(r.ok("TERM checked")).isEqualTo(2);
    assertThat(r.ok("HUP checked")).isEqualTo(2);
    assertThat(r.ok("connect")).isEqualTo(4);
    assertThat(r.ok("disconnect")).isEqualTo(4);
    assertThat(r.koCount()).isEqualTo(4);
  }

  // --- the server process is killed ------------------------------------------------------------

  @Test
  void serverKilledMidRun_inFlightKoConnectionLostLaterKoNotConnectedRunEnds() throws Exception {
    int users = 4;
    try (PrivateSshd doomed = PrivateSshd.start()) {
      // kill sshd once every user's command runs (the sleeps are sshd's descendants)
      CompletableFuture<Boolean> killed =
          CompletableFuture.supplyAsync(
              () -> {
                boolean allRunning =
                    Polling.until(Duration.ofSeconds(60), () -> sleepsUnder(doomed.pid()) == users);
                doomed.kill();
                return allRunning;
              });
      long start = System.nanoTime();
      GatlingResult r =
          atOnce(
              () ->
                  Scenarios.connected("doomed")
                      .exec(ssh("in flight").exec("sleep 30"))
                      .exec(ssh("after the kill").exec("echo hi"))
                      .exec(ssh("reconnect").connect()),
              users,
              openSsh(doomed).requestTimeout(Duration.ofSeconds(60)));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(killed.get(5, TimeUnit.SECONDS)).as("all %d sleeps seen running", users).isTrue();
      assertThat(r.ok("connect")).as(r.summary()).isEqualTo(users);
      assertThat(r.koMessages("in flight"))
          .hasSize(users)
          .containsOnly("connection lost: the connection closed while the command was running");
      assertThat(r.koMessages("after the kill"))
          .hasSize(users)
          .containsOnly("not connected: the SSH connection was lost or closed: connect() again");
      // refused once the listener is gone; while it dies (stopped, then killed) it may still take
      // the
      // TCP handshake, then close or reset the connection before any banner
      assertThat(r.koMessages("reconnect"))
          .hasSize(users)
          .allSatisfy(
              m ->
                  assertThat(m)
                      .matches(
                          "connect: connection (refused|reset by server|closed by 127\\.0\\.0\\.1:\\d+ before its SSH banner)"
                              + ".*"));
      assertThat(r.usersEnded()).isEqualTo(users);
      assertThat(took)
          .as("the run ends long before the 30 s sleeps would")
          .isLessThan(Duration.ofSeconds(25));
    }
  }

  private static long sleepsUnder(long pid) {
    return ProcessHandle.of(pid).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .count();
  }

  // --- the server closes the connection during the handshake ---------------------------------

  @Test
  void serverClosesDuringKeyExchangeOrAuth_connectKoNoHang() throws IOException {
    try (EmbeddedSshServer closeAtKex =
            embeddedServer(Faults.builder().close(Faults.Phase.KEX).build());
        EmbeddedSshServer closeAtAuth =
            embeddedServer(Faults.builder().close(Faults.Phase.AUTH).build());
        EmbeddedSshServer byeAtKex =
            embeddedServer(Faults.builder().disconnect(Faults.Phase.KEX).build());
        EmbeddedSshServer byeAtAuth =
            embeddedServer(Faults.builder().disconnect(Faults.Phase.AUTH).build())) {
      SshProtocolBuilder kex = embedded(closeAtKex);
      SshProtocolBuilder auth = embedded(closeAtAuth);
      SshProtocolBuilder kexBye = embedded(byeAtKex);
      SshProtocolBuilder authBye = embedded(byeAtAuth);
      GatlingResult r =
          together(
              twoConnecting("kex", "closed during kex", kex),
              twoConnecting("auth", "closed during auth", auth),
              twoConnecting("kex bye", "disconnected during kex", kexBye),
              twoConnecting("auth bye", "disconnected during auth", authBye));

      String user = EmbeddedSshServer.DEFAULT_USERNAME;
      assertThat(r.koMessages("closed during kex"))
          .as(r.summary())
          .hasSize(2)
          .containsOnly(
              "kex: connection closed by 127.0.0.1:" + closeAtKex.port() + " during key exchange");
      assertThat(r.koMessages("closed during auth"))
          .hasSize(2)
          .containsOnly(
              "auth: connection closed by 127.0.0.1:"
                  + closeAtAuth.port()
                  + " during authentication (user '"
                  + user
                  + "', methods [publickey])");
      assertThat(r.koMessages("disconnected during kex"))
          .hasSize(2)
          .containsOnly(
              "kex: " + Faults.DISCONNECT_MESSAGE + " (127.0.0.1:" + byeAtKex.port() + ")");
      assertThat(r.koMessages("disconnected during auth"))
          .hasSize(2)
          .containsOnly(
              "auth: " + Faults.DISCONNECT_MESSAGE + " (user '" + user + "', methods [publickey])");
      assertThat(r.requests())
          .hasSize(8)
          .allSatisfy(q -> assertThat(q.responseTime()).as("no hang").isLessThan(FAST_MS));
      assertThat(r.okCount()).isZero();
    }
  }

  // --- floods ----------------------------------------------------------------------------------

  @Test
  void oneGibOfStdout_boundedBufferingEveryByteCountedMemoryFlat() throws Exception {
    long gib = 1L << 30;
    int cap = 64 * 1024;
    try (EmbeddedSshServer server = embeddedServer(Faults.none());
        HeapSampler heap = HeapSampler.start(Duration.ofMillis(500))) {
      SshProtocolBuilder protocol =
          embedded(server)
              .maxOutputLength(cap)
              .requestTimeout(Duration.ofSeconds(150))
              .ciphers("aes128-gcm@openssh.com", "aes128-ctr");
      GatlingResult r =
          atOnce(
              () ->
                  Scenarios.connected("flood")
                      .exec(
                          ssh("1 GiB")
                              .exec("bytes " + gib)
                              .check(
                                  bodyLength().is((int) gib),
                                  stdoutLineCount()
                                      .is(
                                          (int)
                                              ((gib + 79) / 80)), // 80-byte lines, the last one cut
                                  // short
                                  stdout().transform(String::length).is(cap)))
                      .exec(ssh("disconnect").disconnect()),
              1,
              protocol);
      HeapSampler.Stats stats = heap.stop();
      LOG.info(
          "1 GiB flood: {} ms, live heap {}",
          r.requests("1 GiB").stream().mapToLong(SimulationLog.Request::responseTime).sum(),
          stats);

      assertThat(r.ok("1 GiB")).as(r.summary()).isEqualTo(1);
      assertThat(r.koCount()).isZero();
      assertThat(stats.samples()).as("heap samples during the flood").isGreaterThanOrEqualTo(2);
      // live heap after GC: a client that kept the output would grow by 1 GiB (2 GiB as chars)
      assertThat(stats.growth())
          .as("live heap growth during the flood: %s", stats)
          .isLessThan(128L * 1024 * 1024);
    }
  }

  @Test
  void binaryOutput_noCrashReplacementCharactersInTextChecks() throws IOException {
    SshProtocolBuilder embeddedProtocol = embedded(PLAIN.get());
    GatlingResult r =
        together(
            new Runs.Group(
                () ->
                    Scenarios.connected("embedded binary")
                        .exec(
                            ssh("binary")
                                .exec("binary 100000")
                                .check(
                                    bodyLength().is(100_000),
                                    stdout()
                                        .transform(s -> s.chars().allMatch(c -> c == 0xFFFD))
                                        .is(true),
                                    stdout().transform(String::length).is(100_000),
                                    substring("\uFFFD").exists())),
                2,
                embeddedProtocol),
            new Runs.Group(
                () ->
                    Scenarios.connected("openssh binary")
                        .exec(
                            ssh("invalid utf-8")
                                .exec("printf '\\377\\376ok\\n'")
                                .check(
                                    bodyLength().is(5),
                                    stdout().is("\uFFFD\uFFFDok\n"),
                                    regex("ok$").exists())),
                2,
                openSsh(SSHD.get())));

    assertThat(r.ok("binary")).as(r.summary()).isEqualTo(2);
    assertThat(r.ok("invalid utf-8")).isEqualTo(2);
    assertThat(r.koCount()).isZero();
    assertThat(r.errors()).isEmpty();
  }

  // --- maxDuration -----------------------------------------------------------------------------

  @Test
  void maxDurationCutsUsersMidCommand_runEndsOnTimeEverythingClosedNoMinaThreadLeft()
      throws IOException {
    Duration maxDuration = Duration.ofSeconds(3);
    EmbeddedSshServer server = PLAIN.get();
    SshProtocolBuilder embeddedProtocol = embedded(server);
    long start = System.nanoTime();
    GatlingResult r =
        run(
            sim ->
                sim.setUp(
                        Scenarios.connected("embedded")
                            .exec(ssh("hang").exec("hang"))
                            .injectOpen(atOnceUsers(5))
                            .protocols(embeddedProtocol.requestTimeout(Duration.ofMinutes(5))),
                        Scenarios.connected("openssh")
                            .exec(
                                ssh("cat")
                                    .exec("cat")) // waits for stdin: ends when its channel closes
                            .injectOpen(atOnceUsers(5))
                            .protocols(openSsh(SSHD.get()).requestTimeout(Duration.ofMinutes(5))))
                    .maxDuration(maxDuration));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).as(r.summary()).isLessThan(maxDuration.plusSeconds(20));
    assertThat(r.ok("connect")).isEqualTo(10);
    assertThat(r.ok("hang")).isZero();
    assertThat(r.ok("cat")).isZero();
    assertThat(r.usersStarted()).isEqualTo(10);

    Duration deadline = Duration.ofSeconds(20);
    assertThat(Polling.until(deadline, () -> server.activeSessionCount() == 0))
        .as("embedded server sessions left: %d", server.activeSessionCount())
        .isTrue();
    assertThat(Polling.until(deadline, () -> sshdChildren().isEmpty()))
        .as("OpenSSH per-connection processes left: %s", sshdChildren())
        .isTrue();
    assertThat(Polling.until(deadline, () -> JvmResources.clientMinaThreads().isEmpty()))
        .as("MINA client threads left: %s", JvmResources.clientMinaThreads())
        .isTrue();
    assertThat(JvmResources.clientSocketsTo(server.port())).isEmpty();
    assertThat(JvmResources.clientSocketsTo(SSHD.get().port())).isEmpty();
  }

  private static List<String> sshdChildren() {
    return ProcessHandle.of(SSHD.get().pid()).stream()
        .flatMap(ProcessHandle::descendants)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .toList();
  }

  /**
   * MINA threads that are neither an embedded server's ({@code sshd-gatling-ssh-server-N-...}) nor
   * the JVM-wide {@code sshd-kex-flusher} pool that MINA shares between clients and servers.
   */
}
