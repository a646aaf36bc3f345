package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The reference workload of parallel-ssh's benchmark: each user connects, authenticates and starts
 * {@code cat} of a 26,640-byte file (333 lines), waits for its exit, runs it again on the same
 * session and reads its output line by line, then disconnects. The requests are named after the
 * benchmark's timed phases: the group "auth and execute" (connect + start), "close and exit
 * status", "execute" and "channel read".
 *
 * <p>Load: concurrency ramped from 1 to 200 users over {@code -Dseed.rampSeconds} (default 20),
 * each finished user replaced by a new one; or, with {@code -Dseed.users=N}, N users at once.
 */
public class SeedSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();
  private final String cat = "cat " + target.dataFile();

  ScenarioBuilder seed = scenario("seed workload")
      .group("auth and execute").on(
          exec(ssh("connect").connect())
              .exitHereIfFailed()
              .exec(ssh("start").start(cat)))
      .exitHereIfFailed()
      .exec(ssh("close and exit status").awaitExit()
          .check(exitStatus().is(0), stdoutLineCount().is(Target.SEED_LINES)))
      .exec(ssh("execute").start(cat))
      .exec(ssh("channel read").awaitExit()
          .check(stdoutLineCount().is(Target.SEED_LINES), bodyLength().is(Target.SEED_BYTES)))
      .exec(ssh("disconnect").disconnect());

  {
    setUp(population())
        .protocols(target.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }

  private PopulationBuilder population() {
    Integer users = Integer.getInteger("seed.users");
    if (users != null) {
      return seed.injectOpen(atOnceUsers(users));
    }
    int rampSeconds = Integer.getInteger("seed.rampSeconds", 20);
    int maxUsers = Integer.getInteger("seed.maxUsers", 200);
    return seed.injectClosed(rampConcurrentUsers(1).to(maxUsers).during(Duration.ofSeconds(rampSeconds)));
  }

  @Override
  public void after() {
    target.close();
  }
}
