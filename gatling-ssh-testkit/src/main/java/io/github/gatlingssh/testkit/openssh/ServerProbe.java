package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;

/** TCP-level checks of a loopback port: picking a free one, reading an SSH banner. */
final class ServerProbe {

  private static final int MAX_BANNER = 255;

  private ServerProbe() {}

  /**
   * A port that was free on 127.0.0.1 a moment ago. Another process may take it before sshd binds
   * it; {@link PrivateSshd} then retries with another port.
   */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PrivateSshd.HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a free port on " + PrivateSshd.HOST, e);
    }
  }

  /**
   * Connects, reads the server's identification line and disconnects.
   *
   * @return the line (e.g. {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u7}), or empty if the port
   *     refuses connections or nothing arrives within a few seconds
   */
  static Optional<String> banner(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(PrivateSshd.HOST, port), 2_000);
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n' && line.length() < MAX_BANNER) {
        line.append((char) c);
      }
      String banner = line.toString().strip();
      return banner.isEmpty() ? Optional.empty() : Optional.of(banner);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True if a TCP connect to the port fails (nothing listens). */
  static boolean refusesConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(PrivateSshd.HOST, port), 2_000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
