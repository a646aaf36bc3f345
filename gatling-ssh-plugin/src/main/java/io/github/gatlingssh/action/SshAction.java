package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.unit;
import static io.github.gatlingssh.internal.Validations.value;

import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.StrictLogging;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.action.RequestAction;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.controller.throttle.Throttler;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.core.util.NameGen;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.CommandResult;
import io.github.gatlingssh.client.RemoteCommand;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import io.netty.channel.EventLoop;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import scala.Function1;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * The base of every SSH action: resolves the request name, sends the request through the client
 * without blocking, and when MINA reports back hops to the virtual user's event loop to run checks,
 * log the request exactly once (OK or KO) and pass the user on.
 */
abstract class SshAction implements RequestAction, NameGen {

  // Gatling's traits are Scala: their stackable "!" (ChainableAction, ExitableAction) calls
  // synthetic super-accessors that scalac generates in subclasses and javac does not. We declare
  // them below and delegate as scalac would, to the traits' static bodies.
  private static final MethodHandle ACTION_BANG;
  private static final MethodHandle CHAINABLE_BANG;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      ACTION_BANG = lookup.findStatic(Action.class, "$bang$",
          MethodType.methodType(void.class, Action.class, Session.class));
      CHAINABLE_BANG = lookup.findStatic(ChainableAction.class, "$bang$",
          MethodType.methodType(void.class, ChainableAction.class, Session.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final Function1<Session, Validation<String>> requestName;
  protected final SshComponents components;
  private final StatsEngine statsEngine;
  private final Clock clock;
  private final Action next;
  private final ActorRef<Throttler.Command> throttler;
  private Logger logger;

  SshAction(String kind, Function1<Session, Validation<String>> requestName, SshComponents components,
      ScenarioContext ctx, Action next) {
    StrictLogging.$init$(this);
    this.name = genName(kind);
    this.requestName = requestName;
    this.components = components;
    this.statsEngine = ctx.coreComponents().statsEngine();
    this.clock = ctx.coreComponents().clock();
    this.next = next;
    Option<ActorRef<Throttler.Command>> t = ctx.coreComponents().throttler();
    this.throttler = ctx.throttled() && t.isDefined() ? t.get() : null;
  }

  /**
   * Resolves the request's EL attributes (a failure is a Gatling crash, as in Gatling HTTP) and
   * returns the I/O to start; whatever happens then must end in {@link #done} exactly once.
   */
  protected abstract Validation<Runnable> prepare(Session session, String requestName);

  @Override
  public final Validation<BoxedUnit> sendRequest(Session session) {
    Validation<String> resolved = requestName.apply(session);
    if (failed(resolved)) {
      return propagate(resolved);
    }
    Validation<Runnable> prepared = prepare(session, value(resolved));
    if (failed(prepared)) {
      return propagate(prepared);
    }
    Runnable send = value(prepared);
    if (throttler != null) {
      throttler.$bang(new io.gatling.core.controller.throttle.Throttler$Command$ThrottledRequest(session.scenario(), () -> {
        send.run();
        return BoxedUnit.UNIT;
      }));
    } else {
      send.run();
    }
    return unit();
  }

  protected final long now() {
    return clock.nowMillis();
  }

  /**
   * Logs the request (KO when {@code failure} is not null), marks the user failed on KO, and passes
   * it on. Must run on the user's event loop: see {@link #onUserLoop}.
   */
  protected final void done(Session session, String request, long start, long end, String failure) {
    statsEngine.logResponse(session.scenario(), session.groups(), request, start, end,
        failure == null ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), Option.apply(failure));
    components.metrics().record(request, failure == null, start, end);
    Session logged = session.logGroupRequestTimings(start, end);
    next.$bang(failure == null ? logged : logged.markAsFailed());
  }

  protected final void done(Session session, String request, long start, long end, SshFailure failure) {
    done(session, request, start, end, failure == null ? null : failure.message());
  }

  /** The user's open connection of that name; else logs this request KO ("not connected") and returns null. */
  protected final SshConnection openConnection(Session session, String request, long start, String connectionName) {
    SshConnection connection = UserState.connection(session, connectionName);
    SshFailure notConnected = UserState.notConnected(connection, connectionName);
    if (notConnected != null) {
      done(session, request, start, start, notConnected);
      return null;
    }
    return connection;
  }

  /** Starts a command with the protocol's charset and output limit. */
  protected final RemoteCommand startCommand(SshConnection connection, String commandLine) {
    SshProtocol protocol = components.protocol();
    return connection.exec(commandLine, protocol.output().charset(), protocol.output().maxOutputLength());
  }

  /**
   * Ends a request that waited for a command's end (on the user's event loop): KO with the
   * failure, or the verdict of its checks.
   */
  protected final void finishCommand(Session session, String request, long start, long end,
      CommandResult result, Throwable error, CommandChecks checks) {
    if (error != null) {
      done(session, request, start, end, SshRequestException.unwrap(error, SshFailure.Step.EXEC));
    } else {
      components.metrics().received(result.stdout().bytes() + result.stderr().bytes());
      CommandChecks.Outcome outcome = checks.apply(session, new SshResponse(result, start, end));
      done(outcome.session(), request, start, end, outcome.failure());
    }
  }

  /**
   * Runs {@code task} on the virtual user's event loop: MINA calls back on its own I/O threads,
   * which must never run checks or user code, and Gatling expects a user's actions on its loop.
   */
  protected static void onUserLoop(Session session, Runnable task) {
    EventLoop loop = session.eventLoop();
    if (loop.inEventLoop()) {
      task.run();
    } else {
      try {
        loop.execute(task);
      } catch (RejectedExecutionException e) {
        // the run is shutting down: the user is gone, nothing is left to log to
      }
    }
  }

  /** Schedules {@code task} on the user's event loop after {@code delay}; null when the loop is shutting down. */
  protected static ScheduledFuture<?> schedule(Session session, Duration delay, Runnable task) {
    try {
      return session.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  protected static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  // --- Scala trait plumbing ---

  @Override
  public String name() {
    return name;
  }

  @Override
  public StatsEngine statsEngine() {
    return statsEngine;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Action next() {
    return next;
  }

  @Override
  public Function1<Session, Validation<String>> requestName() {
    return requestName;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  // scalac's setter for StrictLogging's val, called by StrictLogging.$init$
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    this.logger = logger;
  }

  // super-accessor of ChainableAction's "!": the next in line is Action's "!"
  public void io$gatling$core$action$ChainableAction$$super$$bang(Session session) {
    try {
      ACTION_BANG.invokeExact((Action) this, session);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  // super-accessor of ExitableAction's "!": the next in line is ChainableAction's "!"
  public void io$gatling$core$action$ExitableAction$$super$$bang(Session session) {
    try {
      CHAINABLE_BANG.invokeExact((ChainableAction) this, session);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
