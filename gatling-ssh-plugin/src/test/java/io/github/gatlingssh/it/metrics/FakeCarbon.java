package io.github.gatlingssh.it.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Carbon's plaintext listener, in the JVM: keeps every "path value timestamp" line it receives.
 * Debian's graphite-carbon would need its own configuration tree and whisper files for the same
 * check; the plaintext protocol is all gatling-ssh speaks to it.
 */
final class FakeCarbon implements AutoCloseable {
  private final ServerSocket socket;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  FakeCarbon() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "fake-carbon");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // closed, or the reporter hung up: accept the next connection
      }
    }
  }

  /** The last value received per path starting with {@code prefix}. */
  Map<String, Double> last(String prefix) {
    Map<String, Double> last = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length == 3 && f[0].startsWith(prefix)) {
        last.put(f[0], Double.parseDouble(f[1]));
      }
    }
    return last;
  }

  List<String> lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
