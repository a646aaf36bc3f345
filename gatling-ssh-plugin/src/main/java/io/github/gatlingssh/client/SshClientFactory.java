package io.github.gatlingssh.client;

import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Builds the one MINA {@link SshClient} of a {@link SshConnector} from {@link ClientSettings}: the
 * algorithms, the I/O back-end and the properties a load test needs (no ~/.ssh, TCP_NODELAY,
 * want-reply on exec, no idle timeout).
 */
final class SshClientFactory {
  private SshClientFactory() {}

  /**
   * Validates the algorithm names of {@code settings}: throws IllegalArgumentException naming the
   * unknown ones.
   */
  static void validate(ClientSettings settings) {
    // the first MINA use of a simulation is often this, at build time: before MINA's providers
    CryptoProviders.preferBouncyCastle();
    NamedResourceNames.rejectUnsupported(
        "kex algorithms",
        BuiltinDHFactories.parseDHFactoriesList(settings.kexAlgorithms()).getUnsupportedFactories(),
        BuiltinDHFactories.VALUES);
    if (!settings.ciphers().isEmpty()) {
      NamedResourceNames.rejectUnsupported(
          "ciphers",
          BuiltinCiphers.parseCiphersList(settings.ciphers()).getUnsupportedFactories(),
          BuiltinCiphers.VALUES);
    }
    if (!settings.macs().isEmpty()) {
      NamedResourceNames.rejectUnsupported(
          "MACs",
          BuiltinMacs.parseMacsList(settings.macs()).getUnsupportedFactories(),
          BuiltinMacs.VALUES);
    }
  }

  /**
   * A started MINA client with {@code settings}, its host key checks and handshake tracking wired
   * to {@link HandshakeListener}.
   */
  static SshClient newClient(ClientSettings settings) {
    validate(settings);
    CryptoProviders.report();
    SshClient client = SshClient.setUpDefaultClient();
    client.setIoServiceFactoryFactory(new ConnectFriendlyNio2());
    // No ~/.ssh/config, no ~/.ssh/id_* and no agent: a load test uses exactly what it was given.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(HandshakeListener.VERIFIER);
    client.setSignatureFactories(HostKeyAlgorithms.openSshOrder(client.getSignatureFactories()));
    client.setKeyExchangeFactories(
        NamedFactory.setUpTransformedFactories(
            false,
            BuiltinDHFactories.parseDHFactoriesList(settings.kexAlgorithms()).getParsedFactories(),
            ClientBuilder.DH2KEX));
    if (!settings.ciphers().isEmpty()) {
      client.setCipherFactories(
          List.copyOf(BuiltinCiphers.parseCiphersList(settings.ciphers()).getParsedFactories()));
    }
    if (!settings.macs().isEmpty()) {
      client.setMacFactories(
          List.copyOf(BuiltinMacs.parseMacsList(settings.macs()).getParsedFactories()));
    }
    // Without TCP_NODELAY every small request waits for a delayed ACK (~40 ms on Linux).
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    // The exec request asks for a reply, so "start" completes when the server accepted the command.
    CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true);
    CoreModuleProperties.PREFERRED_AUTHS.set(client, "publickey,password,keyboard-interactive");
    // Idle virtual users (long pauses) keep their connection; the server decides when to drop it.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    if (settings.ioThreads() > 0) {
      CoreModuleProperties.NIO_WORKERS.set(client, settings.ioThreads());
    }
    if (settings.keepAlive().enabled()) {
      // read by each connection's service when MINA creates the session: client-wide, not per
      // session
      CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.keepAlive().interval());
      CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.keepAlive().maxUnanswered());
      CoreModuleProperties.HEARTBEAT_REQUEST.set(client, KeepAlive.REQUEST);
    }
    if (settings.windowSize() > 0) {
      CoreModuleProperties.WINDOW_SIZE.set(client, settings.windowSize());
    }
    ConnectionFootprint.apply(client);
    HostKeysAnnouncement.install(client);
    client.addSessionListener(HandshakeListener.INSTANCE);
    client.start();
    return client;
  }

  /**
   * MINA's NIO2 back-end, with one change: its connector waits for each pending TCP connect on a
   * thread of a fixed pool of cores + 1, so a few black-holed connects held every connect behind
   * them until their timeout (healthy connects took 7.5 s instead of milliseconds). Here that pool
   * grows with the connects in flight; its idle threads end after 60 s, and all of them with the
   * client. The I/O threads themselves stay a fixed pool.
   */
  private static final class ConnectFriendlyNio2 extends Nio2ServiceFactoryFactory {
    @Override
    public IoServiceFactory create(FactoryManager manager) {
      // null: MINA makes its own fixed pool of I/O threads, which IoThreads reads back
      return new Nio2ServiceFactory(
          manager, null, ThreadUtils.newCachedThreadPool(manager + "-nio2-resume"));
    }
  }
}
