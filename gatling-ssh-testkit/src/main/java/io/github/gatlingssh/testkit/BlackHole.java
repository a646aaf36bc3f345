package io.github.gatlingssh.testkit;

import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address where TCP connects hang, as on a black-holed host: a listening socket that
 * never accepts, whose accept queue is filled at once. Linux then drops further SYNs (instead of
 * refusing them), so a client's connect gets no answer at all until its own timeout.
 *
 * <p>Bounded: one listening socket and a few filler connections, all closed by {@link #close()}.
 * In-JVM and without privileges (no iptables, no network namespace).
 *
 * <pre>{@code
 * try (BlackHole hole = BlackHole.open()) {
 *   connect("127.0.0.1", hole.port()); // hangs until the client's connect timeout
 * }
 * }</pre>
 */
public final class BlackHole implements AutoCloseable {

  private static final int MAX_FILLERS = 64;
  private static final int PROBE_TIMEOUT_MS = 300;

  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  private BlackHole(ServerSocket listener) {
    this.listener = listener;
  }

  /**
   * Binds a listener with the smallest backlog on 127.0.0.1 and connects to it until a connect
   * attempt goes unanswered: from then on, connects hang.
   *
   * @throws IllegalStateException if connects never start hanging (a kernel that refuses or accepts
   *     instead of dropping)
   */
  public static BlackHole open() {
    ServerSocket listener = null;
    BlackHole hole = null;
    try {
      listener = new ServerSocket(0, 1, InetAddress.getByName(PrivateSshd.HOST));
      hole = new BlackHole(listener);
      hole.fill();
      return hole;
    } catch (IOException e) {
      closeQuietly(hole, listener);
      throw new UncheckedIOException("cannot set up a black hole on " + PrivateSshd.HOST, e);
    } catch (RuntimeException e) {
      closeQuietly(hole, listener);
      throw e;
    }
  }

  /** Connects until a connect times out: the accept queue is then full and SYNs are dropped. */
  private void fill() throws IOException {
    InetSocketAddress address = new InetSocketAddress(PrivateSshd.HOST, port());
    for (int i = 0; i < MAX_FILLERS; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(address, PROBE_TIMEOUT_MS);
        fillers.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        return; // the kernel dropped our SYN: the hole works
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }
    throw new IllegalStateException(
        "connects to a listener that never accepts kept succeeding after "
            + MAX_FILLERS
            + " connections: this kernel does not drop SYNs on a full accept queue");
  }

  /** The port where connects hang. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The address, {@value PrivateSshd#HOST}. */
  public String host() {
    return PrivateSshd.HOST;
  }

  @Override
  public void close() {
    fillers.forEach(BlackHole::closeQuietly);
    fillers.clear();
    closeQuietly(listener);
  }

  private static void closeQuietly(AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // best effort
        }
      }
    }
  }
}
