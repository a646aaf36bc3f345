package io.github.gatlingssh.testkit.gatling.fake;

import io.gatling.core.action.Action;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;

/**
 * Test-only Gatling action that records a request in Gatling's stats without any network I/O.
 *
 * <p>Unlike Gatling's own {@code dummy(..)}, whose KO message is always {@code "Dummy error"}, this
 * lets a test choose the status and the KO message, or log a request crash (an Error record, which
 * Gatling does not count as a request). Use it like any action: {@code exec(FakeRequest.ko("open",
 * "boom"))}.
 */
public final class FakeRequest implements ActionBuilder {

  /** What the fake request records. */
  enum Outcome {
    OK,
    KO,
    CRASH
  }

  /**
   * What the request records.
   *
   * @param name the request name
   * @param message the KO message or the crash's error; null when OK
   * @param responseTimeMillis how long it pretends to have taken
   */
  record Spec(String name, Outcome outcome, String message, long responseTimeMillis) {}

  private final Spec spec;

  private FakeRequest(String name, Outcome outcome, String message, long responseTimeMillis) {
    this.spec = new Spec(name, outcome, message, responseTimeMillis);
  }

  /** A successful request named {@code name}. */
  public static FakeRequest ok(String name) {
    return new FakeRequest(name, Outcome.OK, null, 0);
  }

  /** A failed request named {@code name} with the KO message {@code message}. */
  public static FakeRequest ko(String name, String message) {
    return new FakeRequest(name, Outcome.KO, message, 0);
  }

  /**
   * A request that crashes before being sent ({@code StatsEngine.logRequestCrash}): Gatling writes
   * an Error record {@code "<name>: <error> "} and no Request record, and marks the user as failed.
   */
  public static FakeRequest crash(String name, String error) {
    return new FakeRequest(name, Outcome.CRASH, error, 0);
  }

  /**
   * Pretends the request took {@code millis} ms: its start is set that far in the past. Nothing
   * waits.
   */
  public FakeRequest responseTime(long millis) {
    return new FakeRequest(spec.name(), spec.outcome(), spec.message(), millis);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        return new FakeRequestAction(
            spec, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(), next);
      }
    };
  }
}
