package io.github.gatlingssh.testkit.embedded;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The live threads of embedded servers: the scheduler ({@code gatling-ssh-server-N-timer}) and
 * MINA's NIO2 pools ({@code sshd-gatling-ssh-server-N-nio2-...}). MINA's JVM-wide {@code
 * sshd-kex-flusher} pool is shared with every MINA client in the JVM and is not a server's.
 */
final class ServerThreads {

  private ServerThreads() {}

  /** Whether {@code name} is a thread of some embedded server. */
  static boolean isServerThread(String name) {
    return name.contains("gatling-ssh-server-");
  }

  /** The threads of all embedded servers. */
  static List<String> names() {
    return names(ServerThreads::isServerThread);
  }

  /** The threads of {@code server}. */
  static List<String> names(EmbeddedSshServer server) {
    String prefix = server.threadNamePrefix();
    return names(name -> name.startsWith(prefix) || name.startsWith("sshd-" + prefix));
  }

  private static List<String> names(Predicate<String> filter) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(filter)
        .sorted()
        .collect(Collectors.toList());
  }
}
