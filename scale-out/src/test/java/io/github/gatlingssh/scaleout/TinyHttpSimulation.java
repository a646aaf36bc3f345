package io.github.gatlingssh.scaleout;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A real Gatling run for the merge tests, against {@link RealLogs}'s loopback HTTP server: 2
 * scenarios declared in an order that {@code -Dtiny.reversed=true} flips, a group, one KO request
 * per user: 3 requests per run, and an assertion that holds for 2 runs merged (6 requests) but not
 * for 3 (9).
 */
public class TinyHttpSimulation extends Simulation {
  static final long MAX_REQUESTS = 7;

  private final String base = "http://127.0.0.1:" + Integer.getInteger("tiny.port");

  ScenarioBuilder main =
      scenario("main")
          .exec(group("grp").on(http("ok").get("/ok")))
          .pause(Duration.ofMillis(20))
          .exec(http("missing").get("/missing").check(status().is(200)));
  ScenarioBuilder extra = scenario("extra").exec(http("ok").get("/ok"));

  {
    boolean reversed = Boolean.getBoolean("tiny.reversed");
    var first = (reversed ? extra : main).injectOpen(atOnceUsers(1));
    var second = (reversed ? main : extra).injectOpen(atOnceUsers(1));
    setUp(first, second)
        .protocols(http.baseUrl(base).shareConnections())
        .assertions(global().allRequests().count().lte(MAX_REQUESTS));
  }
}
