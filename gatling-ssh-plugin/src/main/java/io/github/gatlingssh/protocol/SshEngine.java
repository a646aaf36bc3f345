package io.github.gatlingssh.protocol;

import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.SshConnector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one Gatling run shares between all SSH protocols: one MINA client per distinct client
 * settings, the loaded private keys, and the one-per-run warnings. Closed by Gatling's termination
 * hook.
 */
final class SshEngine implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SshEngine.class);

  private final Map<ClientSettings, SshConnector> connectors = new ConcurrentHashMap<>();
  private final PrivateKeys keys = new PrivateKeys();
  private final AtomicBoolean acceptAnyWarned = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.Set<String> negotiations = ConcurrentHashMap.newKeySet();

  SshConnector connector(ClientSettings settings) {
    if (closed.get()) {
      throw new IllegalStateException("the SSH engine of this run is closed");
    }
    return connectors.computeIfAbsent(settings, SshConnector::new);
  }

  PrivateKeys keys() {
    return keys;
  }

  void warnAcceptAnyHostKey() {
    if (acceptAnyWarned.compareAndSet(false, true)) {
      LOGGER.warn(
          "SSH host key verification is disabled (acceptAnyHostKey()): any server, including an"
              + " impostor, is trusted in this run");
    }
  }

  /**
   * Logs, once per run and server, what the connections to it negotiated (kex, host key, cipher,
   * MAC).
   */
  void noteNegotiated(String address, io.github.gatlingssh.client.Negotiated negotiated) {
    if (negotiations.add(address + " " + negotiated)) {
      LOGGER.info("SSH connections to {} negotiated {}", address, negotiated);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connectors.values().forEach(SshConnector::close);
      connectors.clear();
      keys.close();
    }
  }
}
