package io.github.gatlingssh.it;

import static io.github.gatlingssh.javaapi.SshDsl.ssh;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.TestServer;

/** The SSH protocol for a test server, written once (the test kit cannot see the plugin). */
final class TestProtocols {

  private TestProtocols() {}

  /** Logs in as the server's user with its user key, trusting only its Ed25519 host key. */
  static SshProtocolBuilder forServer(TestServer server) {
    return ssh.host(server.host())
        .port(server.port())
        .username(server.username())
        .privateKey(server.userKey().toString())
        .hostKeyFingerprint(server.hostKeyFingerprint());
  }

  /** Logs in as the server's user with its user key, verifying host keys with its known_hosts. */
  static SshProtocolBuilder withKnownHosts(TestServer server) {
    return ssh.host(server.host())
        .port(server.port())
        .username(server.username())
        .privateKey(server.userKey().toString())
        .knownHosts(server.knownHostsFile().toString());
  }
}
