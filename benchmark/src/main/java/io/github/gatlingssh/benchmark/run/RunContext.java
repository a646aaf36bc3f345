package io.github.gatlingssh.benchmark.run;

import java.nio.file.Path;
import java.util.List;

/** What every run needs: the server, the JVM launcher and where the run's files go. */
public record RunContext(TargetServer server, ChildJvm jvm, Path runsDir, boolean minaWarmUp) {

  /**
   * Connect timeout of gatling-ssh, seconds: the Go client's (bare MINA has none), instead of the
   * protocol's 10 s, which 100 handshakes at once on a loaded 2-core machine can outlast.
   */
  static final int CONNECT_TIMEOUT_SECONDS = 30;

  /** The target as SeedSimulation's Target reads it (-Dssh.*). */
  List<String> targetProperties() {
    return List.of(
        "-Dssh.connectTimeout=" + CONNECT_TIMEOUT_SECONDS,
        "-Dssh.host=" + server.sshd().host(),
        "-Dssh.port=" + server.sshd().port(),
        "-Dssh.username=" + server.sshd().username(),
        "-Dssh.privateKey=" + server.sshd().userKey(),
        "-Dssh.knownHosts=" + server.sshd().knownHostsFile(),
        "-Dssh.file=" + server.dataFile());
  }
}
