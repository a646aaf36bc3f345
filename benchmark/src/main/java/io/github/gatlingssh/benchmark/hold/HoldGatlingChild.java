package io.github.gatlingssh.benchmark.hold;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Client JVM of the hold mode for gatling-ssh: runs Gatling (HoldSimulation, {@code -Dhold.*} and
 * {@code -Dssh.*}) while a {@link HeapProbe} watches the sessions to the server's port. Arguments:
 * the probe's output file, then Gatling's own arguments.
 */
public final class HoldGatlingChild {
  private HoldGatlingChild() {}

  public static void main(String[] args) {
    HeapProbe probe =
        HoldSettings.fromSystemProperties().probe(Integer.getInteger("ssh.port")).start();
    int exitCode =
        io.gatling.app.Gatling$.MODULE$.fromArgs(Arrays.copyOfRange(args, 1, args.length));
    probe.write(Path.of(args[0]));
    System.exit(exitCode);
  }
}
