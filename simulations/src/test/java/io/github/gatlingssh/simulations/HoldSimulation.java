package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Many idle sessions on one injector: each user connects and authenticates, then holds its
 * connection for a fixed time, running {@code echo} on it every few seconds (as a monitoring agent
 * or a CI runner waiting for work does), then disconnects. It measures what a held session costs
 * the client (heap, threads), not the server's speed: {@code benchmark/run --hold} runs it against
 * the embedded server in its own JVM and reads the client's heap per session.
 *
 * <p>System properties: {@code -Dhold.users} (default 10,000) users ramped in over {@code
 * -Dhold.rampSeconds} (default 30), each holding its connection {@code -Dhold.seconds} (default 60)
 * with an {@code echo} every {@code -Dhold.echoSeconds} (default 10), after {@code
 * -Dhold.quietSeconds} (default 0) without any user, a window in which a heap baseline can be
 * taken; connects time out after {@code -Dhold.connectTimeoutSeconds} (default 120). The target:
 * {@link Target}. Every user needs a file descriptor: {@code ulimit -n} must exceed the user count.
 */
public class HoldSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();

  private final int users = Integer.getInteger("hold.users", 10_000);
  private final Duration ramp = Duration.ofSeconds(Integer.getInteger("hold.rampSeconds", 30));
  private final Duration hold = Duration.ofSeconds(Integer.getInteger("hold.seconds", 60));
  private final Duration echo = Duration.ofSeconds(Integer.getInteger("hold.echoSeconds", 10));
  private final Duration quiet = Duration.ofSeconds(Integer.getInteger("hold.quietSeconds", 0));
  // The hold measures what held sessions cost, not how fast they connect: on a loaded injector
  // thousands of handshakes queue up, and the default 10 s would turn that queue into KOs. 120 s
  // is what a bare MINA client allows for authentication (its auth-timeout).
  private final Duration connectTimeout =
      Duration.ofSeconds(Integer.getInteger("hold.connectTimeoutSeconds", 120));

  ScenarioBuilder held =
      scenario("hold")
          .exec(ssh("connect").connect())
          // pace: one echo every period whatever the echo's own time, for the whole hold
          .during(hold)
          .on(
              pace(echo)
                  .exec(
                      ssh("echo")
                          .exec("echo held")
                          .check(exitStatus().is(0), stdout().is("held\n"))))
          .exec(ssh("disconnect").disconnect());

  {
    setUp(held.injectOpen(nothingFor(quiet), rampUsers(users).during(ramp)))
        .protocols(target.protocol().connectTimeout(connectTimeout))
        .assertions(global().failedRequests().count().is(0L))
        // bounded: a user stuck on a dead connection cannot keep the run alive
        .maxDuration(quiet.plus(ramp).plus(hold).plus(Duration.ofMinutes(2)));
  }

  @Override
  public void after() {
    target.close();
  }
}
