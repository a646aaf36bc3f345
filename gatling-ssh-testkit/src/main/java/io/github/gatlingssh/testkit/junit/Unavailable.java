package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stands for the OpenSSH server on a machine without OpenSSH, so that the OpenSSH run of a {@link
 * ForEachServer} test still shows in the report, skipped (or failed when {@code CI=true}) by {@link
 * TestServers} before the test method runs. Every method throws.
 */
final class Unavailable implements TestServer {
  final String reason;

  Unavailable(String reason) {
    this.reason = reason;
  }

  private IllegalStateException missing() {
    return new IllegalStateException(reason);
  }

  @Override
  public String kind() {
    return "openssh";
  }

  @Override
  public String host() {
    throw missing();
  }

  @Override
  public int port() {
    throw missing();
  }

  @Override
  public String username() {
    throw missing();
  }

  @Override
  public Path userKey() {
    throw missing();
  }

  @Override
  public Optional<String> password() {
    throw missing();
  }

  @Override
  public String hostKeyFingerprint() {
    throw missing();
  }

  @Override
  public Path knownHostsFile() {
    throw missing();
  }

  @Override
  public Path dataDir() {
    throw missing();
  }

  @Override
  public Path createDataFile(String name, byte[] content) {
    throw missing();
  }

  @Override
  public Path seedFile() {
    throw missing();
  }

  @Override
  public void kill() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "openssh (" + reason + ")";
  }
}
