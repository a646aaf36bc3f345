package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.core.Simulation.SetUp;
import java.time.Duration;

/**
 * The reference workload of parallel-ssh's benchmark: each user connects, authenticates and starts
 * {@code cat} of a 26,640-byte file (333 lines), waits for its exit, runs it again on the same
 * session and reads its output line by line, then disconnects. The requests are named after the
 * benchmark's timed phases: the group "auth and execute" (connect + start), "close and exit
 * status", "execute" and "channel read".
 *
 * <p>Load: concurrency ramped from 1 to 200 users over {@code -Dseed.rampSeconds} (default 20),
 * each finished user replaced by a new one; or, with {@code -Dseed.users=N}, N users at once in
 * lockstep, as parallel-ssh's benchmark: all N users end a phase before any starts the next; or,
 * with {@code -Dseed.steadyUsers=U}, the steady state: U concurrent users for {@code
 * -Dseed.steadySeconds} (default 60), each finished user replaced by a new one (closed model).
 */
public class SeedSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();
  private final String cat = "cat " + target.dataFile();

  private final Integer users = Integer.getInteger("seed.users");
  private final Integer steadyUsers = Integer.getInteger("seed.steadyUsers");

  ScenarioBuilder seed =
      scenario("seed workload")
          .exec(
              phase(
                  group("auth and execute")
                      .on(exec(ssh("connect").connect()).exec(ssh("start").start(cat)))))
          .exec(
              phase(
                  exec(
                      ssh("close and exit status")
                          .awaitExit()
                          .check(exitStatus().is(0), stdoutLineCount().is(Target.SEED_LINES)))))
          .exec(phase(exec(ssh("execute").start(cat))))
          .exec(
              phase(
                  exec(
                      ssh("channel read")
                          .awaitExit()
                          .check(
                              stdoutLineCount().is(Target.SEED_LINES),
                              bodyLength().is(Target.SEED_BYTES)))))
          .exec(ssh("disconnect").disconnect());

  {
    SetUp setUp =
        setUp(population())
            .protocols(target.protocol())
            .assertions(global().failedRequests().count().is(0L));
    if (users != null) {
      // the phases wait for each other: a user that never arrived would hold the others forever
      setUp.maxDuration(Duration.ofSeconds(Integer.getInteger("seed.maxSeconds", 300)));
    } else if (steadyUsers != null) {
      // the last users finish their sequence after the injection ends: room for them, bounded
      setUp.maxDuration(steadyDuration().plusSeconds(120));
    }
  }

  /**
   * With N users at once, every user ends a phase before any starts the next (a rendez-vous of all
   * N), so a phase's span is comparable to parallel-ssh's lockstep phases. A failed request does
   * not stop its user: it still reaches every rendez-vous.
   */
  private ChainBuilder phase(ChainBuilder steps) {
    return users == null ? steps : steps.rendezVous(users);
  }

  private PopulationBuilder population() {
    if (users != null) {
      return seed.injectOpen(atOnceUsers(users));
    }
    if (steadyUsers != null) {
      return seed.injectClosed(constantConcurrentUsers(steadyUsers).during(steadyDuration()));
    }
    int rampSeconds = Integer.getInteger("seed.rampSeconds", 20);
    int maxUsers = Integer.getInteger("seed.maxUsers", 200);
    return seed.injectClosed(
        rampConcurrentUsers(1).to(maxUsers).during(Duration.ofSeconds(rampSeconds)));
  }

  private static Duration steadyDuration() {
    return Duration.ofSeconds(Integer.getInteger("seed.steadySeconds", 60));
  }

  @Override
  public void after() {
    target.close();
  }
}
