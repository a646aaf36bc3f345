package io.github.gatlingssh.protocol;

/**
 * Where to connect and as whom. Each setting is a Gatling EL string, a function of the session or a
 * plain value; host and username are null until set.
 */
public record Target(Param<String> host, Param<Integer> port, Param<String> username) {
  /** SSH's well-known port. */
  public static final int DEFAULT_PORT = 22;

  /** Port 22, no host, no username. */
  public static final Target DEFAULT = new Target(null, Param.of(DEFAULT_PORT), null);

  /** A copy with this host. */
  public Target withHost(Param<String> value) {
    return new Target(value, port, username);
  }

  /** A copy with this port. */
  public Target withPort(Param<Integer> value) {
    return new Target(host, value, username);
  }

  /** A copy with this username. */
  public Target withUsername(Param<String> value) {
    return new Target(host, port, value);
  }

  /** Fails, saying what to set, when the host or the username is missing. */
  void validate() {
    if (host == null) {
      throw SshProtocol.invalid("no host: set ssh.host(\"...\")");
    }
    if (username == null) {
      throw SshProtocol.invalid("no username: set .username(\"...\")");
    }
  }
}
