package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stands for a server whose programs are not installed (e.g. OpenSSH), so that its run of a {@link
 * ForEachServer} test still shows in the report, skipped (or failed when {@code CI=true}) by {@link
 * TestServers} before the test method runs. Every method throws.
 */
final class Unavailable implements TestServer {
  final ServerKind serverKind;
  final String reason;

  Unavailable(ServerKind serverKind, String reason) {
    this.serverKind = serverKind;
    this.reason = reason;
  }

  private IllegalStateException missing() {
    return new IllegalStateException(reason);
  }

  @Override
  public String kind() {
    return serverKind.displayName();
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
    return serverKind.displayName() + " (" + reason + ")";
  }
}
