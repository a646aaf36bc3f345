package io.github.gatlingssh.action;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.unit;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.check.Check;
import io.gatling.core.check.Check$;
import io.gatling.core.controller.throttle.Throttler;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.protocol.SshComponents;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import scala.Function1;
import scala.Option;
import scala.Tuple2;
import scala.runtime.BoxedUnit;

/**
 * The base of every SSH action: resolves the request name, sends the request through the client
 * without blocking, and when the client's future completes hops to the virtual user's event loop to
 * run checks, log the request exactly once (OK or KO) and pass the user on. Timeouts are the
 * client's: an action passes a {@link Duration} and gets a TIMEOUT failure back.
 */
public abstract class SshAction extends JavaRequestAction {
  /** The protocol's run-time side: its client, its settings. */
  protected final SshComponents components;

  private final ActorRef<Throttler.Command> throttler;

  /** What to do once a request's future completed, on the user's event loop. */
  @FunctionalInterface
  protected interface Completion<T> {
    /**
     * @param value the future's value, when it succeeded
     * @param failure what failed and where, or null when it succeeded
     * @param end when it completed (ms), before the hop to the user's loop
     */
    void accept(T value, SshFailure failure, long end);
  }

  /**
   * @param kind the action's kind, e.g. "sshExec"
   */
  protected SshAction(
      String kind,
      Function1<Session, Validation<String>> requestName,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(
        kind, requestName, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(), next);
    this.components = components;
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
    Validation<String> resolved = requestName().apply(session);
    if (failed(resolved)) {
      return propagate(resolved);
    }
    Validation<Runnable> prepared = prepare(session, value(resolved));
    if (failed(prepared)) {
      return propagate(prepared);
    }
    Runnable send = value(prepared);
    if (throttler != null) {
      throttler.$bang(
          new io.gatling.core.controller.throttle.Throttler$Command$ThrottledRequest(
              session.scenario(),
              () -> {
                send.run();
                return BoxedUnit.UNIT;
              }));
    } else {
      send.run();
    }
    return unit();
  }

  /** The run's clock, in ms. */
  protected final long now() {
    return clock().nowMillis();
  }

  /** The request's own timeout, or the protocol's requestTimeout when it has none. */
  protected final Duration requestTimeout(SshAttributes attributes) {
    return attributes.timeout() != null
        ? attributes.timeout()
        : components.protocol().client().requestTimeout();
  }

  /**
   * Logs the request (KO when {@code failure} is not null), marks the user failed on KO, and passes
   * it on. Must run on the user's event loop: see {@link #whenDone}.
   */
  protected final void done(Session session, String request, long start, long end, String failure) {
    statsEngine()
        .logResponse(
            session.scenario(),
            session.groups(),
            request,
            start,
            end,
            failure == null ? OK$.MODULE$ : KO$.MODULE$,
            Option.empty(),
            Option.apply(failure));
    components.metrics().record(request, failure == null, start, end);
    Session logged = session.logGroupRequestTimings(start, end);
    next().$bang(failure == null ? logged : logged.markAsFailed());
  }

  /**
   * {@link #done(Session, String, long, long, String)} with the KO message of {@code failure}
   * ("step: detail").
   */
  protected final void done(
      Session session, String request, long start, long end, SshFailure failure) {
    done(session, request, start, end, failure == null ? null : failure.message());
  }

  /** Ends the request KO at its start, before any I/O: {@code reason} says why it cannot run. */
  protected final void refuse(
      Session session, String request, long start, SshFailure.Step step, String reason) {
    done(session, request, start, start, new SshFailure(step, reason));
  }

  /**
   * Ends a request that opens something the user keeps: OK with {@code value} kept under {@code
   * key}, or KO with nothing kept there.
   */
  protected final void keepOrFail(
      Session session,
      String key,
      Object value,
      String request,
      long start,
      long end,
      SshFailure failure) {
    if (failure != null) {
      done(session.remove(key), request, start, end, failure);
    } else {
      done(session.set(key, value), request, start, end, (String) null);
    }
  }

  /**
   * Ends the request with the verdict of {@code checks} on {@code response}. {@code verdict}, when
   * not null, is a KO decided before them (a non-zero exit status): it wins over theirs, and they
   * still run for what they save.
   */
  protected final <R> void doneChecked(
      Session session,
      String request,
      long start,
      long end,
      scala.collection.immutable.List<Check<R>> checks,
      R response,
      String verdict) {
    if (checks.isEmpty()) {
      done(session, request, start, end, verdict);
      return;
    }
    Tuple2<Session, Option<Failure>> checked = Check$.MODULE$.check(response, session, checks);
    String failure =
        verdict != null || checked._2().isEmpty() ? verdict : checked._2().get().message();
    done(checked._1(), request, start, end, failure);
  }

  /**
   * Ends the request of a step that gave a response: KO with {@code failure} when the step failed
   * (no check runs then; {@code response} may be null), else the verdict of {@code checks} on
   * {@code response}.
   */
  protected final <R> void doneChecked(
      Session session,
      String request,
      long start,
      long end,
      SshFailure failure,
      scala.collection.immutable.List<Check<R>> checks,
      R response) {
    if (failure != null) {
      done(session, request, start, end, failure);
    } else {
      doneChecked(session, request, start, end, checks, response, null);
    }
  }

  /** Checks as the Scala list Gatling's {@code Check.check} takes. */
  protected static <R> scala.collection.immutable.List<Check<R>> scalaList(
      List<? extends Check<R>> checks) {
    List<Check<R>> copy = List.copyOf(checks);
    return scala.jdk.javaapi.CollectionConverters.asScala(copy).toList();
  }

  /**
   * When {@code step} completes (on a MINA thread or the timer), notes the end time and runs {@code
   * then} on the virtual user's event loop, with the value or the failure ({@code fallback} names
   * the step of an exception that is not an {@link SshFailure}).
   */
  protected final <T> void whenDone(
      Session session, CompletableFuture<T> step, SshFailure.Step fallback, Completion<T> then) {
    step.whenComplete(
        (value, error) -> {
          long end = now();
          SshFailure failure = error == null ? null : SshRequestException.unwrap(error, fallback);
          onUserLoop(session, () -> then.accept(value, failure, end));
        });
  }

  /**
   * The user's open connection of that name; else logs this request KO ("not connected") and
   * returns null.
   */
  protected final SshConnection openConnection(
      Session session, String request, long start, String connectionName) {
    SshConnection connection = UserState.connection(session, connectionName);
    SshFailure notConnected = UserState.notConnected(connection, connectionName);
    if (notConnected != null) {
      done(session, request, start, start, notConnected);
      return null;
    }
    return connection;
  }

  /**
   * Runs {@code task} on the virtual user's event loop: MINA calls back on its own I/O threads,
   * which must never run checks or user code, and Gatling expects a user's actions on its loop.
   */
  private static void onUserLoop(Session session, Runnable task) {
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
}
