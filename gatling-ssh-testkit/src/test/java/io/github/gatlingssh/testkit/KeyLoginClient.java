package io.github.gatlingssh.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * A MINA client that logs in to a {@link TestServer} with its user key, verifying the host key
 * against the server's known_hosts file only, and remembers the host key it was shown. Blocking
 * helpers are fine in test code.
 */
public final class KeyLoginClient implements AutoCloseable {

  /** Generous: the machine is shared with other builds. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** What one exec produced. */
  public record Result(byte[] stdout, byte[] stderr, Integer exitStatus, String exitSignal) {}

  private final TestServer server;
  private final SshClient client;
  private final AtomicReference<PublicKey> hostKey = new AtomicReference<>();

  /** Starts a client for {@code server}. */
  public KeyLoginClient(TestServer server) {
    this.server = server;
    KnownHostsServerKeyVerifier knownHosts =
        new KnownHostsServerKeyVerifier(
            RejectAllServerKeyVerifier.INSTANCE, server.knownHostsFile());
    client = SshClient.setUpDefaultClient();
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    // Ed25519 first, as TestServer#hostKeyFingerprint() names it (MINA prefers ECDSA)
    List<NamedFactory<Signature>> signatures = new ArrayList<>(client.getSignatureFactories());
    signatures.sort(Comparator.comparing(f -> !f.getName().equals("ssh-ed25519")));
    client.setSignatureFactories(signatures);
    client.setServerKeyVerifier(
        (ClientSession session, SocketAddress address, PublicKey key) -> {
          hostKey.set(key);
          return knownHosts.verifyServerKey(session, address, key);
        });
    client.start();
  }

  /** Connects and authenticates with {@link TestServer#userKey()}. */
  public ClientSession login() throws IOException {
    ClientSession session =
        client
            .connect(server.username(), server.host(), server.port())
            .verify(TIMEOUT)
            .getClientSession();
    try {
      session.addPublicKeyIdentity(loadKey(server.userKey()));
      session.auth().verify(TIMEOUT);
      return session;
    } catch (IOException | RuntimeException e) {
      session.close(true);
      throw e;
    }
  }

  /** Runs {@code command} on a new session channel of {@code session} until the channel closes. */
  public static Result exec(ClientSession session, String command) throws IOException {
    return exec(session, command, null);
  }

  /**
   * Runs {@code command} on a new session channel of {@code session}, sending {@code stdin} (if not
   * null) then EOF, until the channel closes.
   */
  public static Result exec(ClientSession session, String command, byte[] stdin)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setOut(out);
      channel.setErr(err);
      channel.open().verify(TIMEOUT);
      if (stdin != null) {
        OutputStream in = channel.getInvertedIn();
        in.write(stdin);
        in.close(); // sends EOF
      }
      channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
      return new Result(
          out.toByteArray(), err.toByteArray(), channel.getExitStatus(), channel.getExitSignal());
    }
  }

  /** The host key the server showed in the last key exchange, or null. */
  public PublicKey hostKey() {
    return hostKey.get();
  }

  /** {@code SHA256:...} of {@link #hostKey()}, as ssh-keygen prints it. */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey());
  }

  private static KeyPair loadKey(Path key) throws IOException {
    try (InputStream in = Files.newInputStream(key)) {
      return SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(key.toString()), in, FilePasswordProvider.EMPTY)
          .iterator()
          .next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load " + key, e);
    }
  }

  @Override
  public void close() {
    client.stop();
  }
}
