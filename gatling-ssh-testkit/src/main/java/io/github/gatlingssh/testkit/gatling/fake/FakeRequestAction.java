package io.github.gatlingssh.testkit.gatling.fake;

import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.StrictLogging;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import scala.Option;

/**
 * The action built by {@link FakeRequest}.
 *
 * <p>It implements the plain {@link Action} trait, not {@code ChainableAction}/{@code
 * RequestAction}: those declare hidden super-accessor methods that a Java class would have to
 * provide by hand. {@code Action.$bang} already hops onto the user's event loop before calling
 * {@link #execute}.
 */
final class FakeRequestAction implements Action {

  private final FakeRequest.Spec request;
  private final StatsEngine statsEngine;
  private final Clock clock;
  private final Action next;
  private Logger logger;

  FakeRequestAction(FakeRequest.Spec request, StatsEngine statsEngine, Clock clock, Action next) {
    this.request = request;
    this.statsEngine = statsEngine;
    this.clock = clock;
    this.next = next;
    StrictLogging.$init$(this);
  }

  @Override
  public String name() {
    return "fake-" + request.name();
  }

  @Override
  public void execute(Session session) {
    if (request.outcome() == FakeRequest.Outcome.CRASH) {
      statsEngine.logRequestCrash(
          session.scenario(), session.groups(), request.name(), request.message());
      next.$bang(session.markAsFailed());
      return;
    }
    long end = clock.nowMillis();
    long start = end - request.responseTimeMillis();
    boolean ok = request.outcome() == FakeRequest.Outcome.OK;
    Status status = ok ? OK$.MODULE$ : KO$.MODULE$;
    statsEngine.logResponse(
        session.scenario(),
        session.groups(),
        request.name(),
        start,
        end,
        status,
        Option.empty(),
        Option.apply(request.message()));
    Session after = session.logGroupRequestTimings(start, end);
    next.$bang(ok ? after : after.markAsFailed());
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    this.logger = logger;
  }

  @Override
  public String toString() {
    return name();
  }
}
