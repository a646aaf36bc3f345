package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tunnels (direct-tcpip) as real Gatling runs, through the embedded server and a private OpenSSH
 * sshd, to a loopback HTTP server the test starts.
 */
class TunnelTest {
  private static HttpServer http;
  private static ExecutorService httpThreads;
  private static final AtomicInteger served = new AtomicInteger();

  @BeforeAll
  static void startHttp() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    httpThreads = Executors.newFixedThreadPool(4);
    http.setExecutor(httpThreads);
    http.createContext(
        "/",
        exchange -> {
          byte[] body = "hello through the tunnel\n".getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
          served.incrementAndGet();
        });
    http.start();
  }

  @AfterAll
  static void stopHttp() {
    if (http != null) {
      http.stop(0);
      httpThreads.shutdownNow();
    }
  }

  @ForEachServer
  void twoHundredTunnelsAtOnce(TestServer server) {
    int port = http.getAddress().getPort();
    int before = served.get();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("tunnels")
                    .exec(tunnel("open").open("127.0.0.1", port))
                    .exec(
                        tunnel("get")
                            .send("GET / HTTP/1.0\r\n\r\n")
                            .expect("HTTP/1\\.[01] 200")
                            .check(bodyString().saveAs("status line")))
                    .exec(
                        tunnel("body")
                            .expect("hello through the (\\w+)")
                            .check(regex("hello through the (\\w+)").is("tunnel")))
                    .exec(tunnel("close").close())
                    .exec(ssh("disconnect").disconnect()),
            200,
            TestProtocols.forServer(server)
                .connectTimeout(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofSeconds(30)),
            Duration.ofSeconds(240));

    Runs.assertAllOk(r, 200, "connect", "open", "get", "body", "close", "disconnect");
    assertThat(served.get() - before).isEqualTo(200);
  }

  @ForEachServer
  void aTunnelToAClosedPortIsKoAndTheConnectionStaysUsable(TestServer server) throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    int port = http.getAddress().getPort();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("refused")
                    .exec(tunnel("refused").open("127.0.0.1", closedPort))
                    .exec(tunnel("send on refused").send("GET / HTTP/1.0\r\n\r\n"))
                    .exec(tunnel("open").tunnelName("web").open("127.0.0.1", "" + port))
                    .exec(tunnel("open again").tunnelName("web").open("127.0.0.1", port))
                    .exec(
                        tunnel("get")
                            .tunnelName("web")
                            .send("GET / HTTP/1.0\r\n\r\n")
                            .expect("HTTP/1\\.[01] 200"))
                    .exec(
                        tunnel("no more")
                            .tunnelName("web")
                            .expect("never sent")
                            .timeout(Duration.ofSeconds(20)))
                    .exec(tunnel("close").tunnelName("web").close())
                    .exec(ssh("disconnect").disconnect()),
            1,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("refused"))
        .as(r.summary())
        .singleElement()
        .asString()
        .startsWith("tunnel: to 127.0.0.1:" + closedPort + " refused by server (");
    assertThat(r.koMessages("send on refused"))
        .as(r.summary())
        .containsOnly(
            "tunnel: no tunnel open for this virtual user: add tunnel(..).open() before this request");
    assertThat(r.ok("open")).as(r.summary()).isEqualTo(1);
    assertThat(r.koMessages("open again"))
        .as(r.summary())
        .containsOnly(
            "tunnel: a tunnel named 'web' is already open for this virtual user: close() it first, or use tunnelName(..)");
    assertThat(r.ok("get")).as(r.summary()).isEqualTo(1);
    // the HTTP/1.0 server closes its side after the response: the output ends without a match
    assertThat(r.koMessages("no more"))
        .as(r.summary())
        .singleElement()
        .asString()
        .matches(
            "expect: no match for /never sent/ before the (output ended \\(EOF\\)|channel closed); last output: .*");
    Runs.assertAllOk(r, 1, "close", "disconnect");
  }
}
