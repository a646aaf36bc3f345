package io.github.gatlingssh.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The OpenSSH client's command line for the tests that log in to a {@link TestServer} with it. */
public final class SshCommandLine {

  private SshCommandLine() {}

  /**
   * {@code ssh} arguments independent of the user's ~/.ssh, agent and global known hosts, host key
   * checked strictly against {@code knownHosts}.
   *
   * @param options more client arguments, placed before the destination
   */
  public static List<String> of(
      TestServer server, Path key, Path knownHosts, String command, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ssh",
                "-F",
                "/dev/null",
                "-i",
                key.toString(),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "IdentityAgent=none",
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "GlobalKnownHostsFile=/dev/null",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=30",
                "-p",
                Integer.toString(server.port())));
    args.addAll(Arrays.asList(options));
    args.add(server.username() + "@" + server.host());
    args.add(command);
    return args;
  }
}
