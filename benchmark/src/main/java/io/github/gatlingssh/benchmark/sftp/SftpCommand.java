package io.github.gatlingssh.benchmark.sftp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSH's {@code sftp} command line, made from the seed benchmark's {@code ssh} one ({@code
 * OpenSshRun.ssh}: no config file, no agent, known host checked, curve25519 key exchange) so that
 * both OpenSSH clients connect the same way. sftp takes ssh's {@code -o}, {@code -i} and {@code -F}
 * options as they are, but its port option is {@code -P} ({@code -p} preserves attributes) and it
 * has no {@code -l} or {@code -T}.
 */
final class SftpCommand {
  private SftpCommand() {}

  /**
   * @param ssh the ssh command line without a remote command: "ssh", options, host last
   * @param cipher the cipher to insist on ({@code -c}), null for OpenSSH's default
   * @param batch the batch file ({@code -b}: stop at the first failing command)
   * @param verbose whether ssh logs its negotiation ({@code -v}, LogLevel DEBUG1)
   */
  static List<String> of(List<String> ssh, String cipher, Path batch, boolean verbose) {
    if (ssh.size() < 2 || !ssh.get(0).equals("ssh")) {
      throw new IllegalArgumentException("not an ssh command line: " + ssh);
    }
    List<String> cmd = new ArrayList<>(List.of("sftp", "-b", batch.toString()));
    if (verbose) {
      cmd.add("-v");
    }
    if (cipher != null) {
      cmd.add("-c");
      cmd.add(cipher);
    }
    for (int i = 1; i < ssh.size() - 1; i++) {
      String a = ssh.get(i);
      switch (a) {
        case "-T" -> {}
        case "-p" -> {
          cmd.add("-P");
          cmd.add(ssh.get(++i));
        }
        case "-l" -> {
          cmd.add("-o");
          cmd.add("User=" + ssh.get(++i));
        }
        default -> cmd.add(verbose && a.equals("LogLevel=ERROR") ? "LogLevel=DEBUG1" : a);
      }
    }
    cmd.add(ssh.get(ssh.size() - 1));
    return cmd;
  }

  /** A batch file's line: {@code put "local" "remote"}, {@code get "remote" "local"}. */
  static String line(String command, Path from, Path to) {
    return command + " " + quote(from) + " " + quote(to) + "\n";
  }

  /** sftp's own quoting: double quotes, backslash before {@code "} and {@code \}. */
  private static String quote(Path p) {
    return '"' + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
