package io.github.gatlingssh.client.hostkey;

import io.github.gatlingssh.client.SshFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Strict known_hosts verification, as OpenSSH's {@code StrictHostKeyChecking=yes}: an unknown host
 * or a changed key is rejected. The file is read once (at the start of the run); plain, hashed
 * ({@code |1|...}) and {@code [host]:port} entries, {@code @revoked} and negated patterns follow
 * OpenSSH's rules through MINA's parser. Nothing is ever written to the file.
 */
public final class KnownHostsPolicy implements HostKeyPolicy {
  private static final String REVOKED = "revoked";

  private final Path file;
  private final List<Entry> entries;
  private final Map<String, List<Entry>> byHostPort = new ConcurrentHashMap<>();
  private final java.util.Set<String> warned = ConcurrentHashMap.newKeySet();
  private static final org.slf4j.Logger LOGGER =
      org.slf4j.LoggerFactory.getLogger(KnownHostsPolicy.class);

  private record Entry(KnownHostEntry entry, PublicKey key, String marker) {}

  private KnownHostsPolicy(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /**
   * Reads a known_hosts file. A missing file gives an empty policy (every host is unknown), so a
   * default {@code ~/.ssh/known_hosts} that does not exist yet fails per request with a clear
   * message rather than at start-up.
   */
  public static KnownHostsPolicy load(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (Files.exists(file)) {
      for (KnownHostEntry e : KnownHostEntry.readKnownHostEntries(file)) {
        if (e.getKeyEntry() == null) {
          continue;
        }
        PublicKey key;
        try {
          key = e.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (java.security.GeneralSecurityException | IOException ex) {
          continue; // a key type this client cannot use: it cannot match either
        }
        if (key != null || "cert-authority".equals(e.getMarker())) {
          entries.add(new Entry(e, key, e.getMarker()));
        }
      }
    }
    return new KnownHostsPolicy(file, List.copyOf(entries));
  }

  /** The known_hosts file this policy was read from. */
  public Path file() {
    return file;
  }

  @Override
  public SshFailure verify(String host, int port, PublicKey serverKey) {
    List<Entry> matching = byHostPort.computeIfAbsent(host + ':' + port, k -> matching(host, port));
    String keyType = KeyUtils.getKeyType(serverKey);
    for (Entry e : matching) { // a revoked key is refused whatever the order of the lines
      if (REVOKED.equals(e.marker) && e.key != null && KeyUtils.compareKeys(e.key, serverKey)) {
        String hostName = hostName(host, port);
        String fingerprint = KeyUtils.getFingerPrint(serverKey);
        return new SshFailure(
            SshFailure.Step.HOST_KEY,
            "the host key of "
                + hostName
                + ", "
                + keyType
                + " "
                + fingerprint
                + ", is marked @revoked in known_hosts");
      }
    }
    boolean sameTypeListed = false;
    for (Entry e : matching) {
      if (e.key == null || e.marker != null) {
        continue;
      }
      if (KeyUtils.compareKeys(e.key, serverKey)) {
        return null;
      }
      if (keyType.equals(KeyUtils.getKeyType(e.key))) {
        sameTypeListed = true;
      }
    }
    // rejected: only now is the fingerprint worth computing
    String hostName = hostName(host, port);
    String fingerprint = KeyUtils.getFingerPrint(serverKey);
    String key = keyType + " " + fingerprint;
    if (sameTypeListed) {
      warnOnce(
          hostName + key,
          "The host key of "
              + hostName
              + " changed: the server sent "
              + key
              + ", "
              + file
              + " lists another "
              + keyType
              + " key. If the change is expected, remove the old entry (ssh-keygen -R '"
              + hostName
              + "' -f "
              + file
              + ") and add the new one (ssh-keyscan -p "
              + port
              + " "
              + host
              + " >> "
              + file
              + ").");
      return new SshFailure(
          SshFailure.Step.HOST_KEY,
          "HOST KEY CHANGED for "
              + hostName
              + ": "
              + key
              + " differs from known_hosts (ssh-keygen -R to remove the old entry)");
    }
    warnOnce(
        hostName + key,
        "Unknown SSH host "
            + hostName
            + " ("
            + key
            + "), not in "
            + file
            + ". Add it (ssh-keyscan -p "
            + port
            + " "
            + host
            + " >> "
            + file
            + "), pin it with hostKeyFingerprint(\""
            + fingerprint
            + "\") or opt out with acceptAnyHostKey().");
    return new SshFailure(
        SshFailure.Step.HOST_KEY,
        "unknown host "
            + hostName
            + ", "
            + key
            + ": add it to known_hosts, pin hostKeyFingerprint(..) or acceptAnyHostKey()");
  }

  private static String hostName(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  /**
   * The full explanation (file, commands) once per host and key; KO messages are cut at 200
   * characters.
   */
  private void warnOnce(String id, String message) {
    if (warned.add(id)) {
      LOGGER.warn(message);
    }
  }

  @Override
  public List<String> knownKeyTypes(String host, int port) {
    List<Entry> matching = byHostPort.computeIfAbsent(host + ':' + port, k -> matching(host, port));
    List<String> types = new ArrayList<>();
    for (Entry e : matching) {
      if (e.key != null && e.marker == null) {
        String type = KeyUtils.getKeyType(e.key);
        if (!types.contains(type)) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private List<Entry> matching(String host, int port) {
    List<Entry> result = new ArrayList<>();
    for (Entry e : entries) {
      if (e.entry.isHostMatch(host, port)) {
        result.add(e);
      }
    }
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return "KnownHostsPolicy[" + file + ", " + entries.size() + " entries]";
  }
}
