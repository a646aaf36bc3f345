package io.github.gatlingssh.protocol.warmup;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * The loopback SSH server of the JIT warm-up: MINA's {@link SshServer} on 127.0.0.1 and an
 * ephemeral port, with a host key and a client key generated in memory. It lets in only the
 * warm-up's own user and key, and runs one command, {@value #COMMAND}, which streams the seed
 * workload's output ({@value SeedOutput#LINE_COUNT} lines of {@value SeedOutput#LINE_WIDTH} bytes)
 * as {@code cat} of the seed file would. It serves no files, no shell, subsystem or forwarding, and
 * has no fault hooks: it is not a test server (those live in the test kit).
 */
public final class WarmUpServer implements AutoCloseable {

  /** The only command the server runs. */
  public static final String COMMAND = "cat seed.txt";

  /** The only user that may log in. */
  public static final String USERNAME = "gatling-ssh-warm-up";

  private static final String HOST = "127.0.0.1";
  // as the test kit's embedded server, whose behaviour the warm-up was tuned against
  private static final long WINDOW_SIZE = 256 * 1024;

  private final SshServer sshd;
  private final KeyPair hostKey;
  private final KeyPair clientKey;

  private WarmUpServer(SshServer sshd, KeyPair hostKey, KeyPair clientKey) {
    this.sshd = sshd;
    this.hostKey = hostKey;
    this.clientKey = clientKey;
  }

  /**
   * Generates the keys, binds 127.0.0.1 on an ephemeral port and starts accepting connections.
   *
   * @return the running server; close it after the warm-up
   * @throws IOException if it cannot bind or the keys cannot be generated
   */
  public static WarmUpServer start() throws IOException {
    KeyPair hostKey = generateKey();
    KeyPair clientKey = generateKey();
    SshServer sshd = SshServer.setUpDefaultServer();
    // Explicit, so that sshd-netty on the classpath cannot silently switch the back-end
    sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    sshd.setHost(HOST);
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setPublickeyAuthenticator(
        (username, key, session) ->
            USERNAME.equals(username) && KeyUtils.compareKeys(clientKey.getPublic(), key));
    sshd.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
    sshd.setCommandFactory(
        (channel, command) -> {
          if (!COMMAND.equals(command)) {
            throw new IOException("unknown command");
          }
          return new SeedOutput();
        });
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    CoreModuleProperties.WINDOW_SIZE.set(sshd, WINDOW_SIZE);
    WarmUpServer server = new WarmUpServer(sshd, hostKey, clientKey);
    try {
      sshd.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static KeyPair generateKey() throws IOException {
    try {
      if (SecurityUtils.isEDDSACurveSupported()) {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
      }
      return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot generate the warm-up server's keys", e);
    }
  }

  /**
   * @return {@code 127.0.0.1}
   */
  public String host() {
    return HOST;
  }

  /**
   * @return the bound port
   */
  public int port() {
    return sshd.getPort();
  }

  /**
   * @return the only user that may log in, {@value #USERNAME}
   */
  public String username() {
    return USERNAME;
  }

  /**
   * @return the only key the server accepts, generated in memory
   */
  public KeyPair clientKeyPair() {
    return clientKey;
  }

  /**
   * @return the fingerprint of the server's host key, {@code SHA256:...}
   */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(hostKey.getPublic());
  }

  /** Stops the server and its threads, dropping open connections. Does not throw. */
  @Override
  public void close() {
    try {
      sshd.stop(true);
    } catch (IOException | RuntimeException e) {
      // nothing to do: the warm-up is over either way
    }
  }
}
