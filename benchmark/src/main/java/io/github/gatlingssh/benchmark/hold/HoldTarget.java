package io.github.gatlingssh.benchmark.hold;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the hold server listens and how to log in, as the server JVM prints it on one line ({@code
 * hold-server host=.. port=.. ...}) and the benchmark reads it back.
 *
 * @param host the loopback address it listens on
 * @param port its port
 * @param username the user that may log in
 * @param userKey the authorized private key file
 * @param knownHosts a known_hosts file holding its host key
 * @param fingerprint its host key's SHA256 fingerprint
 * @param status a file holding the number of sessions it has authenticated
 */
record HoldTarget(
    String host,
    int port,
    String username,
    Path userKey,
    Path knownHosts,
    String fingerprint,
    Path status) {
  static final String PREFIX = "hold-server ";

  String line() {
    return PREFIX
        + String.join(
            " ",
            "host=" + host,
            "port=" + port,
            "username=" + username,
            "userKey=" + userKey,
            "knownHosts=" + knownHosts,
            "fingerprint=" + fingerprint,
            "status=" + status);
  }

  /** Parses {@link #line()}; paths must not contain spaces (the server's are temporary dirs). */
  static HoldTarget parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a hold server line: " + line);
    }
    Map<String, String> v =
        Stream.of(line.substring(PREFIX.length()).trim().split(" "))
            .map(kv -> kv.split("=", 2))
            .filter(kv -> kv.length == 2)
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    for (String key :
        List.of("host", "port", "username", "userKey", "knownHosts", "fingerprint", "status")) {
      if (!v.containsKey(key)) {
        throw new IllegalArgumentException("no " + key + " in: " + line);
      }
    }
    return new HoldTarget(
        v.get("host"),
        Integer.parseInt(v.get("port")),
        v.get("username"),
        Path.of(v.get("userKey")),
        Path.of(v.get("knownHosts")),
        v.get("fingerprint"),
        Path.of(v.get("status")));
  }

  /**
   * The target as the simulations' Target reads it (-Dssh.*; the fingerprint wins over known_hosts
   * there), known_hosts for the bare MINA client.
   */
  List<String> simulationProperties() {
    return List.of(
        "-Dssh.host=" + host,
        "-Dssh.port=" + port,
        "-Dssh.username=" + username,
        "-Dssh.privateKey=" + userKey,
        "-Dssh.knownHosts=" + knownHosts,
        "-Dssh.hostKeyFingerprint=" + fingerprint,
        "-Dhold.serverStatus=" + status);
  }
}
