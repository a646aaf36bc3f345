package io.github.gatlingssh.benchmark.bare;

import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.ConnectionFootprint;
import io.github.gatlingssh.client.HostKeyAlgorithms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * A MINA {@link SshClient} with the settings gatling-ssh uses, taken from the plugin so the two
 * cannot drift apart: its default key exchanges ({@link ClientSettings#DEFAULT_KEX},
 * curve25519-sha256 first) and ciphers ({@link ClientSettings#DEFAULT_CIPHERS}, AES-GCM first), its
 * host key order ({@link HostKeyAlgorithms#openSshOrder}, ed25519 first), TCP_NODELAY and
 * want-reply on exec, its per-connection buffer sizes ({@link ConnectionFootprint}); public key
 * authentication only, no ~/.ssh files; host keys checked against a known_hosts file read once.
 */
public final class BareMinaClient {
  private BareMinaClient() {}

  /** A client trusting the host keys of a known_hosts file. */
  public static SshClient start(Path knownHosts) throws IOException {
    return start(trustedKeys(knownHosts));
  }

  /** A client trusting these host keys. */
  static SshClient start(List<PublicKey> trusted) {
    SshClient client = SshClient.setUpDefaultClient();
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(
        (session, remote, key) -> trusted.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    client.setKeyExchangeFactories(
        NamedFactory.setUpTransformedFactories(
            false,
            BuiltinDHFactories.parseDHFactoriesList(ClientSettings.DEFAULT_KEX)
                .getParsedFactories(),
            ClientBuilder.DH2KEX));
    client.setSignatureFactories(HostKeyAlgorithms.openSshOrder(client.getSignatureFactories()));
    client.setCipherFactories(
        List.copyOf(
            BuiltinCiphers.parseCiphersList(ClientSettings.DEFAULT_CIPHERS).getParsedFactories()));
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true);
    CoreModuleProperties.PREFERRED_AUTHS.set(client, "publickey");
    ConnectionFootprint.apply(client);
    client.start();
    return client;
  }

  /**
   * Ends a session as gatling-ssh's disconnect does (SSH_MSG_DISCONNECT, then the close), closing
   * at once if the message cannot be sent; {@code closed} runs when the session is closed.
   */
  public static void disconnect(ClientSession session, Runnable closed) {
    session.addCloseFutureListener(f -> closed.run());
    try {
      session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, "done");
    } catch (IOException | RuntimeException e) {
      session.close(true);
    }
  }

  public static KeyPair loadKey(Path privateKey) throws IOException {
    try (InputStream in = Files.newInputStream(privateKey)) {
      Iterable<KeyPair> keys =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(privateKey.toString()), in, FilePasswordProvider.EMPTY);
      return keys.iterator().next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load " + privateKey, e);
    }
  }

  private static List<PublicKey> trustedKeys(Path knownHosts) throws IOException {
    List<PublicKey> keys = new ArrayList<>();
    for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
      try {
        keys.add(entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
      } catch (GeneralSecurityException e) {
        throw new IOException("bad key in " + knownHosts, e);
      }
    }
    return keys;
  }
}
