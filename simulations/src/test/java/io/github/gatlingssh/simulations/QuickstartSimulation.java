package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** The smallest useful SSH load test: 10 users connect, run two commands, disconnect. */
public class QuickstartSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();

  ScenarioBuilder scn =
      scenario("quickstart")
          .exec(ssh("connect").connect())
          .exec(
              ssh("echo")
                  .exec(session -> "echo hello " + session.userId())
                  .check(
                      exitStatus().is(0),
                      stdout().is(session -> "hello " + session.userId() + "\n")))
          .exec(
              ssh("cat")
                  .exec("cat " + target.dataFile())
                  .check(regex("(?m)^L").count().is(333), bodyLength().is(26_640)))
          .exec(ssh("disconnect").disconnect());

  {
    setUp(scn.injectOpen(atOnceUsers(10)).protocols(target.protocol()))
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void after() {
    target.close();
  }
}
