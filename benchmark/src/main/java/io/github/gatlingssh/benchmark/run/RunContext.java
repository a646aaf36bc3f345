package io.github.gatlingssh.benchmark.run;

import java.nio.file.Path;
import java.util.List;

/** What every run needs: the server, the JVM launcher and where the run's files go. */
public record RunContext(TargetServer server, ChildJvm jvm, Path runsDir, boolean minaWarmUp) {

  /** The target as SeedSimulation's Target reads it (-Dssh.*). */
  List<String> targetProperties() {
    return List.of(
        "-Dssh.host=" + server.host(),
        "-Dssh.port=" + server.port(),
        "-Dssh.username=" + server.username(),
        "-Dssh.privateKey=" + server.userKey(),
        "-Dssh.knownHosts=" + server.knownHosts(),
        "-Dssh.file=" + server.dataFile());
  }
}
