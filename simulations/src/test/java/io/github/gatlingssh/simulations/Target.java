package io.github.gatlingssh.simulations;

import static io.github.gatlingssh.javaapi.SshDsl.ssh;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;

/**
 * The server a simulation targets: given by system properties ({@code -Dssh.host=.. -Dssh.port=..
 * -Dssh.username=.. -Dssh.privateKey=..} or {@code -Dssh.password=..}, {@code -Dssh.knownHosts=..}
 * or {@code -Dssh.acceptAnyHostKey=true}, {@code -Dssh.file=..} for the data file).
 */
final class Target implements AutoCloseable {
  private final SshProtocolBuilder protocol;
  private final String dataFile;

  private Target(SshProtocolBuilder protocol, String dataFile) {
    this.protocol = protocol;
    this.dataFile = dataFile;
  }

  static Target fromSystemProperties() {
    SshProtocolBuilder p = ssh.host(System.getProperty("ssh.host"))
        .port(Integer.getInteger("ssh.port", 22))
        .username(System.getProperty("ssh.username"));
    if (System.getProperty("ssh.privateKey") != null) {
      p = p.privateKey(System.getProperty("ssh.privateKey"));
    }
    if (System.getProperty("ssh.password") != null) {
      p = p.password(System.getProperty("ssh.password"));
    }
    if (Boolean.getBoolean("ssh.acceptAnyHostKey")) {
      p = p.acceptAnyHostKey();
    } else if (System.getProperty("ssh.knownHosts") != null) {
      p = p.knownHosts(System.getProperty("ssh.knownHosts"));
    }
    return new Target(p, System.getProperty("ssh.file"));
  }

  SshProtocolBuilder protocol() {
    return protocol;
  }

  String dataFile() {
    return dataFile;
  }

  @Override
  public void close() {}
}
