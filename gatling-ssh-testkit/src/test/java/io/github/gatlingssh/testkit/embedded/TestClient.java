package io.github.gatlingssh.testkit.embedded;

import io.github.gatlingssh.testkit.KeyLoginClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/** A MINA client for the tests; blocking helpers are fine in test code. */
final class TestClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What one exec produced. */
  record Result(byte[] stdout, byte[] stderr, Integer exitStatus, String exitSignal) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    String err() {
      return new String(stderr, StandardCharsets.UTF_8);
    }
  }

  final SshClient client;
  private final EmbeddedSshServer server;

  TestClient(EmbeddedSshServer server) {
    this(server, new RequiredServerKeyVerifier(server.hostKey()));
  }

  TestClient(EmbeddedSshServer server, ServerKeyVerifier verifier) {
    this.server = server;
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(verifier);
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    client.start();
  }

  /** Connects and authenticates with the generated client key. */
  ClientSession login() throws IOException {
    ClientSession session = connect();
    session.addPublicKeyIdentity(server.userKeyPair());
    session.auth().verify(TIMEOUT);
    return session;
  }

  ClientSession connect() throws IOException {
    return client
        .connect(server.username(), server.host(), server.port())
        .verify(TIMEOUT)
        .getClientSession();
  }

  /** Runs one command on a new connection. */
  Result run(String command) throws IOException {
    return run(command, null);
  }

  /** Runs one command on a new connection, sending {@code stdin} then EOF. */
  Result run(String command, byte[] stdin) throws IOException {
    try (ClientSession session = login()) {
      return exec(session, command, stdin);
    }
  }

  static Result exec(ClientSession session, String command, byte[] stdin) throws IOException {
    KeyLoginClient.Result r = KeyLoginClient.exec(session, command, stdin);
    return new Result(r.stdout(), r.stderr(), r.exitStatus(), r.exitSignal());
  }

  /** Connect, authenticate with the client key, exec and collect, without blocking any thread. */
  CompletableFuture<Result> runAsync(String command) {
    return runAsync(command, null, CompletableFuture.completedFuture(null));
  }

  /**
   * Like {@link #runAsync(String)}, but after authenticating completes {@code authenticated} (if
   * given) and waits for {@code gate} before opening the channel.
   */
  CompletableFuture<Result> runAsync(
      String command, CompletableFuture<Void> authenticated, CompletableFuture<?> gate) {
    CompletableFuture<ClientSession> connected = connectAsync();
    CompletableFuture<Result> result = new CompletableFuture<>();
    // the session, once there, closes when the result is known, whatever it is
    result.whenComplete((r, e) -> connected.thenAccept(session -> session.close(false)));
    connected
        .thenCompose(this::authAsync)
        .whenComplete(
            (session, failure) -> {
              if (failure != null) {
                result.completeExceptionally(failure);
                return;
              }
              if (authenticated != null) {
                authenticated.complete(null);
              }
              gate.thenRun(() -> execAsync(session, command, result));
            });
    return result;
  }

  /** The session of a new connection to the server, once connected. */
  private CompletableFuture<ClientSession> connectAsync() {
    CompletableFuture<ClientSession> connected = new CompletableFuture<>();
    try {
      client
          .connect(server.username(), server.host(), server.port())
          .addListener(
              cf -> settle(connected, cf.isConnected(), cf.getException(), cf::getClientSession));
    } catch (IOException e) {
      connected.completeExceptionally(e);
    }
    return connected;
  }

  /** {@code session}, once authenticated with the generated client key. */
  private CompletableFuture<ClientSession> authAsync(ClientSession session) {
    CompletableFuture<ClientSession> authenticated = new CompletableFuture<>();
    session.addPublicKeyIdentity(server.userKeyPair());
    try {
      AuthFuture auth = session.auth();
      auth.addListener(
          af -> settle(authenticated, af.isSuccess(), af.getException(), () -> session));
    } catch (IOException e) {
      authenticated.completeExceptionally(e);
    }
    return authenticated;
  }

  private static void execAsync(
      ClientSession session, String command, CompletableFuture<Result> result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      ChannelExec channel = session.createExecChannel(command);
      channel.setOut(out);
      channel.setErr(err);
      channel.addCloseFutureListener(
          f ->
              result.complete(
                  new Result(
                      out.toByteArray(),
                      err.toByteArray(),
                      channel.getExitStatus(),
                      channel.getExitSignal())));
      channel.open().addListener(of -> failed(of.isOpened(), of.getException(), result));
    } catch (IOException e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Completes {@code result} with {@code value} if the MINA future was {@code ok}, else fails it
   * with {@code failure}.
   */
  private static <T> void settle(
      CompletableFuture<T> result, boolean ok, Throwable failure, Supplier<T> value) {
    if (ok) {
      result.complete(value.get());
    } else {
      result.completeExceptionally(failure);
    }
  }

  /**
   * Fails {@code result} with {@code failure} unless the MINA future was {@code ok}.
   *
   * @return whether it failed
   */
  private static boolean failed(boolean ok, Throwable failure, CompletableFuture<?> result) {
    if (!ok) {
      result.completeExceptionally(failure);
    }
    return !ok;
  }

  @Override
  public void close() throws IOException {
    client.stop();
  }
}
