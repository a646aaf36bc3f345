package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.github.gatlingssh.javaapi.Injector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One simulation on N injectors ({@code scale-out/run-local N}, or the Kubernetes Indexed Job in
 * {@code scale-out/k8s}): each injector runs its {@link Injector#share(int) share} of the load, and
 * {@code scale-out/merge} makes one report of the N runs.
 *
 * <p>Load, in all: {@code -Dscaleout.users} users (default 60) ramped over {@code
 * -Dscaleout.rampSeconds} (default 10) run "echo" and "cat"; meanwhile {@code -Dscaleout.rate}
 * users per second (default 2) connect and disconnect. Each user echoes {@code #{injectorUserId}},
 * unique across injectors. Odd injectors declare the scenarios in the other order: the merge unites
 * scenarios by name.
 */
public class ScaleOutSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();
  private final int users = Integer.getInteger("scaleout.users", 60);
  private final int rampSeconds = Integer.getInteger("scaleout.rampSeconds", 10);
  private final double rate = Double.parseDouble(System.getProperty("scaleout.rate", "2"));

  /** Echoes the user's id, unique across injectors, and checks what came back. */
  private final ActionBuilder echoUserId =
      ssh("echo")
          .exec("echo #{injectorUserId}")
          .check(stdout().is(session -> session.getString(Injector.USER_ATTRIBUTE) + "\n"));

  ScenarioBuilder work =
      scenario("work")
          .exec(Injector.attribute())
          .exec(ssh("connect").connect())
          .exec(echoUserId)
          .exec(
              ssh("cat")
                  .exec("cat " + target.dataFile())
                  .check(stdoutLineCount().is(Target.SEED_LINES)))
          .exec(ssh("disconnect").disconnect());

  ScenarioBuilder churn =
      scenario("churn").exec(ssh("connect").connect()).exec(ssh("disconnect").disconnect());

  {
    List<PopulationBuilder> populations =
        new ArrayList<>(
            List.of(
                work.injectOpen(
                    rampUsers(Injector.share(users)).during(Duration.ofSeconds(rampSeconds))),
                churn.injectOpen(
                    constantUsersPerSec(Injector.share(rate))
                        .during(Duration.ofSeconds(rampSeconds)))));
    if (Injector.index() % 2 == 1) {
      Collections.reverse(populations);
    }
    setUp(populations)
        .protocols(target.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    Injector.awaitStart();
  }

  @Override
  public void after() {
    target.close();
  }
}
