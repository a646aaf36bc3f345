package io.github.gatlingssh.testkit.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run may leave behind in this JVM: MINA client threads, open client sockets. Linux only.
 */
public final class JvmResources {
  private JvmResources() {}

  /**
   * The live threads of MINA clients ("sshd-SshClient..."), leaving out MINA's JVM-wide kex-flusher
   * pool and the embedded server's own threads.
   */
  public static List<String> clientMinaThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(
            n ->
                n.startsWith("sshd-")
                    && !n.startsWith("sshd-kex-flusher")
                    && !n.contains("gatling-ssh-server-"))
        .sorted()
        .toList();
  }

  /**
   * This process's open TCP sockets whose remote port is {@code port}: client connections to a
   * server on that port (sockets in TIME_WAIT belong to no process and are not counted).
   */
  public static List<String> clientSocketsTo(int port) {
    Set<String> inodes = socketInodes();
    try (Stream<String> v4 = lines("/proc/net/tcp");
        Stream<String> v6 = lines("/proc/net/tcp6")) {
      return Stream.concat(v4, v6)
          .map(String::trim)
          .map(l -> l.split("\\s+"))
          .filter(f -> f.length > 9 && f[2].contains(":"))
          .filter(f -> Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16) == port)
          .filter(f -> inodes.contains(f[9]))
          .map(f -> f[1] + " -> " + f[2] + " state " + f[3])
          .toList();
    }
  }

  private static Stream<String> lines(String file) {
    try {
      return Files.exists(Path.of(file)) ? Files.lines(Path.of(file)).skip(1) : Stream.empty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> socketInodes() {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException e) {
              // the descriptor closed meanwhile
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return inodes;
  }
}
