package io.github.gatlingssh.testkit.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.KeyLoginClient;
import io.github.gatlingssh.testkit.dropbear.PrivateDropbear;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import io.github.gatlingssh.testkit.gatling.JvmResources;
import io.github.gatlingssh.testkit.junit.ServerKind;
import io.github.gatlingssh.testkit.tinyssh.PrivateTinySshd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PrivateDropbear} and {@link PrivateTinySshd}: start, key login, host key, clean close. */
class ProcessServerTest {

  /** Starts a server of one kind with the given candidate ports. */
  interface Starter {
    ProcessServer start(IntSupplier ports);
  }

  /** A kind of server and how to start it, shown as its kind in the test's name. */
  record Flavour(ServerKind kind, Starter starter) {
    /** Starts a server (the test is skipped if not installed), logs in and runs {@code test}. */
    void loggedIn(LoggedIn test) throws IOException {
      kind.assumeAvailable();
      try (ProcessServer server = starter.start(ServerProbe::freePort);
          KeyLoginClient client = new KeyLoginClient(server);
          ClientSession session = client.login()) {
        test.run(server, client, session);
      }
    }

    @Override
    public String toString() {
      return kind.toString();
    }
  }

  /** What a test does with a started server and a session logged in to it. */
  interface LoggedIn {
    void run(ProcessServer server, KeyLoginClient client, ClientSession session) throws IOException;
  }

  static Stream<Flavour> servers() {
    return Stream.of(
        new Flavour(
            ServerKind.DROPBEAR,
            ports -> PrivateDropbear.start(ports, ProcessServer.START_TIMEOUT)),
        new Flavour(
            ServerKind.TINYSSH,
            ports -> PrivateTinySshd.start(ports, ProcessServer.START_TIMEOUT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void keyLoginCatsTheSeedFileAndTheHostKeyIsTheAdvertisedOne(Flavour flavour) throws IOException {
    flavour.loggedIn(
        (server, client, session) -> {
          KeyLoginClient.Result cat = KeyLoginClient.exec(session, "cat " + server.seedFile());

          assertThat(server.kind()).isEqualTo(flavour.kind().displayName());
          assertThat(cat.stdout()).as(server.log()).hasSize(26_640).isEqualTo(SeedFile.content());
          assertThat(cat.exitStatus()).isZero();
          assertThat(client.hostKeyFingerprint())
              .startsWith("SHA256:")
              .isEqualTo(server.hostKeyFingerprint())
              .isEqualTo(SshKeygen.fingerprint(server.hostPublicKey()));
          assertThat(Files.readString(server.knownHostsFile()))
              .isEqualTo("[127.0.0.1]:" + server.port() + " " + server.hostPublicKey() + "\n");
          assertThat(server.password()).isEmpty();
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void loginUserIsNeverRootAndCanWriteTheDataDir(Flavour flavour) throws IOException {
    flavour.loggedIn(
        (server, client, session) -> {
          Path file = server.createDataFile("sub/data.txt", "x\n".getBytes(StandardCharsets.UTF_8));
          String command =
              "id -un; id -u; cat "
                  + file
                  + "; echo y > "
                  + server.dataDir()
                  + "/upload && echo ok";

          KeyLoginClient.Result result = KeyLoginClient.exec(session, command);

          assertThat(new String(result.stdout(), StandardCharsets.UTF_8).lines())
              .as(new String(result.stderr(), StandardCharsets.UTF_8))
              .containsExactly(server.username(), uid(server), "x", "ok");
          assertThat(uid(server)).isNotEqualTo("0");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void closeLeavesNoProcessNoFileAndNoAuthorizedKeyBehind(Flavour flavour) throws Exception {
    flavour.kind().assumeAvailable();
    ProcessServer server = flavour.starter().start(ServerProbe::freePort);
    Path authorizedKeys = HomeAuthorizedKeys.file(LoginUser.get());
    try (KeyLoginClient client = new KeyLoginClient(server)) {
      ClientSession session = client.login();
      ChannelExec sleeping = session.createExecChannel("exec sleep 300");
      sleeping.open().verify(KeyLoginClient.TIMEOUT);
      List<ProcessHandle> processes = awaitSleepAmong(server);
      assertThat(Files.readString(authorizedKeys)).contains(server.dir().toString());

      server.close();
      server.close();

      assertThat(processes).allMatch(ProcessTree::hasExited);
      assertThat(
              ProcessTree.holdingOpen(
                  Set.of(server.dir().resolve(flavour.kind().displayName() + ".log"))))
          .isEmpty();
      assertThat(ServerProbe.refusesConnections(server.port())).isTrue();
      assertThat(server.isAlive()).isFalse();
      assertThat(server.dir()).doesNotExist();
      assertThat(Files.readString(authorizedKeys)).doesNotContain(server.dir().toString());
      session.waitFor(Set.of(ClientSession.ClientSessionEvent.CLOSED), KeyLoginClient.TIMEOUT);
      assertThat(session.isOpen()).isFalse();
    } finally {
      server.close();
    }
    assertThat(JvmResources.clientSocketsTo(server.port())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void portTakenByAnotherProcessIsRetriedWithAnotherPort(Flavour flavour) throws IOException {
    flavour.kind().assumeAvailable();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(ProcessServer.HOST))) {
      Deque<Integer> ports =
          new ArrayDeque<>(List.of(taken.getLocalPort(), ServerProbe.freePort()));

      try (ProcessServer server = flavour.starter().start(ports::pop);
          KeyLoginClient client = new KeyLoginClient(server);
          ClientSession session = client.login()) {
        assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
        assertThat(KeyLoginClient.exec(session, "echo hi").stdout())
            .isEqualTo("hi\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void killDropsConnectionsAndRefusesNewOnes(Flavour flavour) throws Exception {
    flavour.kind().assumeAvailable();
    try (ProcessServer server = flavour.starter().start(ServerProbe::freePort);
        KeyLoginClient client = new KeyLoginClient(server)) {
      ClientSession session = client.login();
      session.createExecChannel("exec sleep 300").open().verify(KeyLoginClient.TIMEOUT);
      List<ProcessHandle> processes = awaitSleepAmong(server);

      server.kill();

      assertThat(processes).allMatch(ProcessTree::hasExited);
      assertThat(ServerProbe.refusesConnections(server.port())).isTrue();
      session.waitFor(Set.of(ClientSession.ClientSessionEvent.CLOSED), KeyLoginClient.TIMEOUT);
      assertThat(session.isOpen()).isFalse();
      assertThat(server.dir()).exists();
    }
  }

  /** The server's processes once the user's {@code sleep} runs among them (it is exec'd async). */
  private static List<ProcessHandle> awaitSleepAmong(ProcessServer server) {
    long deadline = System.nanoTime() + KeyLoginClient.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> members =
          ProcessTree.members(ProcessHandle.of(server.pid()).orElseThrow());
      if (members.stream().anyMatch(p -> p.info().command().orElse("").endsWith("/sleep"))) {
        return members;
      }
      ProcessTree.pause();
    }
    throw new AssertionError("no sleep under " + server + ":\n" + server.log());
  }

  private static String uid(ProcessServer server) {
    return CommandRunner.runOrFail("id -u", List.of("id", "-u", server.username())).strip();
  }
}
