package io.github.gatlingssh.testkit.gatling.fake;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Tiny network-free simulations for the tests of {@code io.github.gatlingssh.testkit.gatling}. They
 * read their knobs from system properties, which {@code GatlingRunner} sets for the duration of a
 * run.
 */
public final class FakeSimulations {

  /** System property: number of users (default 3). */
  public static final String USERS = "fake.users";

  /** System property: KO message of the "exec" request. */
  public static final String MESSAGE = "fake.message";

  /** System property: whether the assertion simulation makes a KO request (default true). */
  public static final String FAIL = "fake.fail";

  private FakeSimulations() {}

  private static int users() {
    return Integer.getInteger(USERS, 3);
  }

  /** Each user, inside group "session": an OK "open", then a KO "exec" with {@link #MESSAGE}. */
  public static final class OkKo extends Simulation {
    /** Last {@code gatling.core.shutdownTimeout} seen by the constructor, to check config. */
    public static volatile long seenShutdownTimeout;

    {
      seenShutdownTimeout = io.gatling.core.Predef.configuration().core().shutdownTimeout();
      String message = System.getProperty(MESSAGE, "boom");
      ScenarioBuilder scn =
          scenario("ok-ko")
              .group("session")
              .on(exec(FakeRequest.ok("open").responseTime(3), FakeRequest.ko("exec", message)));
      setUp(scn.injectOpen(atOnceUsers(users())));
    }
  }

  /** One user, KO or not depending on {@link #FAIL}, with "no failed request" as assertion. */
  public static final class WithAssertion extends Simulation {
    {
      boolean fail = Boolean.parseBoolean(System.getProperty(FAIL, "true"));
      ScenarioBuilder scn =
          scenario("asserted")
              .exec(
                  FakeRequest.ok("first").responseTime(2),
                  fail ? FakeRequest.ko("second", "nope") : FakeRequest.ok("second"));
      setUp(scn.injectOpen(atOnceUsers(1))).assertions(global().failedRequests().count().is(0L));
    }
  }

  /** Gatling's own {@code dummy} action, a crashing request, nested groups, non-ASCII names. */
  public static final class Mixed extends Simulation {
    {
      ScenarioBuilder scn =
          scenario("mixed é")
              .exec(dummy("dummy-ok", 5), dummy("dummy-ko", 7).withSuccess(false))
              .group("outer")
              .on(
                  group("grüße 😀")
                      .on(exec(FakeRequest.ok("inner ü"), FakeRequest.crash("crashing", "kaput"))));
      setUp(scn.injectOpen(atOnceUsers(2)));
    }
  }

  /** No user at all, with an assertion: Gatling's own log reader rejects such a run. */
  public static final class Empty extends Simulation {
    {
      setUp(scenario("empty").exec(FakeRequest.ok("never")).injectOpen(atOnceUsers(0)))
          .assertions(global().failedRequests().count().is(0L));
    }
  }

  /** Fails while Gatling builds it. */
  public static final class Broken extends Simulation {
    /** Always throws. */
    public Broken() {
      throw new IllegalStateException("broken on purpose");
    }
  }
}
