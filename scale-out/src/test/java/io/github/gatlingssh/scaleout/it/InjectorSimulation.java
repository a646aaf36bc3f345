package io.github.gatlingssh.scaleout.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.github.gatlingssh.javaapi.Injector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link RunLocalTest}'s injectors run: 6 "ramp" users over 2 s and 3 "burst" users at once,
 * in all, each connecting, echoing its {@code #{injectorUserId}} and disconnecting (27 requests in
 * all). Odd injectors declare the scenarios in the other order. The request-count assertion only
 * holds on the merged data.
 */
public class InjectorSimulation extends Simulation {
  static final int RAMP_USERS = 6;
  static final int BURST_USERS = 3;
  static final long REQUESTS = 3L * (RAMP_USERS + BURST_USERS);

  ScenarioBuilder user(String name) {
    return scenario(name)
        .exec(Injector.attribute())
        .exec(ssh("connect").connect())
        .exec(
            ssh("echo")
                .exec("echo #{injectorUserId}")
                .check(stdout().is(s -> s.getString(Injector.USER_ATTRIBUTE) + "\n")))
        .exec(ssh("disconnect").disconnect());
  }

  {
    List<PopulationBuilder> populations =
        new ArrayList<>(
            List.of(
                user("ramp")
                    .injectOpen(
                        rampUsers(Injector.share(RAMP_USERS)).during(Duration.ofSeconds(2))),
                user("burst").injectOpen(atOnceUsers(Injector.share(BURST_USERS)))));
    if (Injector.index() % 2 == 1) {
      Collections.reverse(populations);
    }
    setUp(populations)
        .protocols(
            ssh.host("127.0.0.1")
                .port(Integer.getInteger("ssh.port"))
                .username(System.getProperty("ssh.username"))
                .privateKey(System.getProperty("ssh.privateKey"))
                .hostKeyFingerprint(System.getProperty("ssh.hostKeyFingerprint"))
                .disableWarmUp())
        .assertions(
            global().failedRequests().count().is(0L), global().allRequests().count().is(REQUESTS));
  }

  @Override
  public void before() {
    Injector.awaitStart();
  }
}
