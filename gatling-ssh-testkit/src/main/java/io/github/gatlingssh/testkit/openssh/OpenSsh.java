package io.github.gatlingssh.testkit.openssh;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Locates the OpenSSH programs installed on this machine and what the server version supports. */
final class OpenSsh {

  static final String INSTALL_HINT = "apt-get install -y openssh-server";

  private static final Pattern VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

  private static volatile String version;

  private OpenSsh() {}

  /** Absolute path of {@code sshd} (sshd refuses to start from a relative path: it re-execs). */
  static Optional<Path> sshd() {
    Path standard = Path.of("/usr/sbin/sshd");
    return Files.isExecutable(standard) ? Optional.of(standard) : onPath("sshd");
  }

  static Optional<Path> sshKeygen() {
    return onPath("ssh-keygen");
  }

  /** The OpenSSH client, used by tests that compare with the reference implementation. */
  static Optional<Path> ssh() {
    return onPath("ssh");
  }

  /** What is missing to start a private sshd (sshd, ssh-keygen) and how to install it, if any. */
  static Optional<String> missingTools() {
    List<String> missing = new ArrayList<>();
    if (sshd().isEmpty()) {
      missing.add("OpenSSH sshd not found: " + INSTALL_HINT);
    }
    if (sshKeygen().isEmpty()) {
      missing.add("OpenSSH ssh-keygen not found: apt-get install -y openssh-client");
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
  }

  static Path require(Optional<Path> program, String name) {
    return program.orElseThrow(
        () -> new IllegalStateException("OpenSSH " + name + " not found: " + INSTALL_HINT));
  }

  /** First line of {@code sshd -V}, e.g. {@code OpenSSH_9.2p1 Debian-2+deb12u7, OpenSSL ...}. */
  static String sshdVersion() {
    String v = version;
    if (v == null) {
      CommandRunner.Result r = CommandRunner.run(List.of(require(sshd(), "sshd").toString(), "-V"));
      v = r.output().strip();
      version = v;
    }
    return v;
  }

  /** {@code PerSourcePenalties} exists from OpenSSH 9.8 on; older servers reject the keyword. */
  static boolean supportsPerSourcePenalties() {
    return atLeast(sshdVersion(), 9, 8);
  }

  static boolean atLeast(String versionText, int major, int minor) {
    Matcher m = VERSION.matcher(versionText);
    if (!m.find()) {
      return false;
    }
    int maj = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    return maj > major || (maj == major && min >= minor);
  }

  /** {@code name} on the PATH or in the usual system directories, e.g. {@code dropbearkey}. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    String dirs = (path == null ? "" : path + File.pathSeparator) + "/usr/sbin:/usr/bin:/sbin:/bin";
    for (String dir : dirs.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name).toAbsolutePath();
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
