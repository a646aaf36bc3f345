package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import io.github.gatlingssh.testkit.junit.ForEachServer;

/** connect().timePhases(): the handshake's phases as three more requests, on both servers. */
class ConnectPhasesTest {

  @ForEachServer
  void timePhasesLogsTcpKexAndAuthWithinTheConnect(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("phases")
                    .exec(ssh("connect").connect().timePhases())
                    .exec(ssh("plain").connectionName("b").connect())
                    .exec(ssh("disconnect").disconnect())
                    .exec(ssh("disconnect b").connectionName("b").disconnect()),
            5,
            TestProtocols.forServer(server));

    assertThat(r.ok("connect")).as(r.summary()).isEqualTo(5);
    assertThat(r.ok("connect tcp")).as(r.summary()).isEqualTo(5);
    assertThat(r.ok("connect kex")).as(r.summary()).isEqualTo(5);
    assertThat(r.ok("connect auth")).as(r.summary()).isEqualTo(5);
    assertThat(r.koCount()).as(r.summary()).isZero();
    // without timePhases(), a connect logs only itself
    assertThat(r.requests())
        .extracting(SimulationLog.Request::name)
        .doesNotContain("plain tcp", "plain kex", "plain auth");

    // each user's phases follow one another from its connect's start, and end by its connect's end
    // (users are told apart by their times: a chain tcp -> kex -> auth within one connect)
    for (SimulationLog.Request connect : r.requests("connect")) {
      boolean chained =
          r.requests("connect tcp").stream()
              .filter(t -> t.start() == connect.start())
              .anyMatch(
                  tcp ->
                      r.requests("connect kex").stream()
                          .filter(k -> k.start() == tcp.end())
                          .anyMatch(
                              kex ->
                                  r.requests("connect auth").stream()
                                      .filter(a -> a.start() == kex.end())
                                      .anyMatch(
                                          auth ->
                                              auth.end() <= connect.end()
                                                  && tcp.responseTime()
                                                          + kex.responseTime()
                                                          + auth.responseTime()
                                                      <= connect.responseTime())));
      assertThat(chained).as("phases of the connect " + connect + " in " + r.requests()).isTrue();
    }
  }
}
