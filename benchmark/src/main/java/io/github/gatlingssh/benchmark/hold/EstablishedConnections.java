package io.github.gatlingssh.benchmark.hold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts the established TCP connections to a port, as the kernel lists them in {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}: on loopback with the server in another process, the
 * client's connections are exactly those whose remote port is the server's. The probe uses it to
 * know, without any hook in Gatling, when the first session appears and when all are held.
 */
final class EstablishedConnections {
  private static final String ESTABLISHED = "01";
  private static final Path[] TABLES = {Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")};

  private EstablishedConnections() {}

  /** The established connections whose remote port is {@code port}, IPv4 and IPv6. */
  static int to(int port) {
    int n = 0;
    for (Path table : TABLES) {
      if (Files.isReadable(table)) {
        try (Stream<String> lines = Files.lines(table)) {
          n += count(lines, port);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + table, e);
        }
      }
    }
    return n;
  }

  /**
   * Counts the lines of a {@code /proc/net/tcp} table (header included) that are established
   * connections to {@code port}: columns {@code sl local_address rem_address st ...}, addresses as
   * {@code HEXADDR:HEXPORT}, state {@code 01} established.
   */
  static int count(Stream<String> lines, int port) {
    return (int)
        lines
            .map(String::trim)
            .map(l -> l.split("\\s+"))
            .filter(c -> c.length > 3 && ESTABLISHED.equals(c[3]))
            .filter(c -> remotePort(c[2]) == port)
            .count();
  }

  private static int remotePort(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
