package io.github.gatlingssh.benchmark.profile;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import java.time.Duration;

/**
 * The seed sequence looped by a constant number of users (closed model: each finished user is
 * replaced at once) for {@code profile.seconds}: connect + auth, start {@code cat} of the seed
 * file, await its exit, again on the same session, disconnect. Each completed session is counted in
 * {@link SteadyWindow}. Target and load come from the {@code profile.*} properties {@link
 * SteadyProfile} sets.
 */
public class SteadySimulation extends Simulation {
  private final String cat = "cat " + System.getProperty("profile.file");
  private final int users = Integer.getInteger("profile.users", 100);
  private final int seconds = Integer.getInteger("profile.seconds", 60);

  private final SshProtocolBuilder protocol =
      ssh.host("127.0.0.1")
          .port(Integer.getInteger("profile.port"))
          .username(System.getProperty("profile.username"))
          .privateKey(System.getProperty("profile.key"))
          .knownHosts(System.getProperty("profile.knownHosts"))
          // generous: on a loaded machine sshd answers slowly, and a timed-out session is no sample
          .connectTimeout(Duration.ofSeconds(60))
          .requestTimeout(Duration.ofSeconds(60));

  /**
   * With {@code -Dprofile.metrics=true}: the three live-metrics registries on, to measure their
   * cost: a Prometheus endpoint ({@code profile.prometheusPort}), InfluxDB and Graphite pushes to
   * {@code profile.influxPort} and {@code profile.graphitePort} (closed ports unless {@link
   * MetricsCost} set its sinks there).
   */
  private SshProtocolBuilder protocol() {
    if (!Boolean.getBoolean("profile.metrics")) {
      return protocol;
    }
    return protocol
        .prometheusEndpoint(Integer.getInteger("profile.prometheusPort", 19464))
        .influxDb("http://127.0.0.1:" + Integer.getInteger("profile.influxPort", 9), "gatling")
        .graphite("127.0.0.1", Integer.getInteger("profile.graphitePort", 9));
  }

  private final ScenarioBuilder seed =
      scenario("steady seed")
          .exec(ssh("connect").connect())
          .exec(ssh("start").start(cat))
          .exec(ssh("close and exit status").awaitExit().check(exitStatus().is(0)))
          .exec(ssh("execute").start(cat))
          .exec(ssh("channel read").awaitExit().check(stdoutLineCount().is(333)))
          .exec(ssh("disconnect").disconnect())
          .exec(
              session -> {
                SteadyWindow.sessionDone(session.isFailed());
                return session;
              })
          .exec(stopLoadGeneratorIf("window measured", session -> SteadyWindow.measured()));

  {
    setUp(seed.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds))))
        .protocols(protocol());
  }
}
