package io.github.gatlingssh.action;

import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.StrictLogging;
import io.gatling.commons.util.Clock;
import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.action.RequestAction;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.util.NameGen;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import scala.Function1;

/**
 * Gatling's {@link RequestAction} written in Java: only the Scala trait plumbing (the members
 * scalac would generate for a Scala subclass), so that subclasses implement just {@code
 * sendRequest}. Gatling's {@code !}, {@code execute} and crash handling stay Gatling's.
 */
public abstract class JavaRequestAction implements RequestAction, NameGen {

  // Gatling's traits are Scala: their stackable "!" (ChainableAction, ExitableAction) calls
  // synthetic super-accessors that scalac generates in subclasses and javac does not. We declare
  // them below and delegate as scalac would, to the traits' static bodies. Without them the code
  // compiles, but the first user fails with AbstractMethodError, which Gatling treats as fatal.
  private static final MethodHandle ACTION_BANG;
  private static final MethodHandle CHAINABLE_BANG;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      ACTION_BANG =
          lookup.findStatic(
              Action.class,
              "$bang$",
              MethodType.methodType(void.class, Action.class, Session.class));
      CHAINABLE_BANG =
          lookup.findStatic(
              ChainableAction.class,
              "$bang$",
              MethodType.methodType(void.class, ChainableAction.class, Session.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final Function1<Session, Validation<String>> requestName;
  private final StatsEngine statsEngine;
  private final Clock clock;
  private final Action next;
  private Logger logger;

  /**
   * @param kind the action's kind, made unique per instance (e.g. "sshExec" gives "sshExec-3")
   */
  protected JavaRequestAction(
      String kind,
      Function1<Session, Validation<String>> requestName,
      StatsEngine statsEngine,
      Clock clock,
      Action next) {
    StrictLogging.$init$(this);
    this.name = genName(kind);
    this.requestName = requestName;
    this.statsEngine = statsEngine;
    this.clock = clock;
    this.next = next;
  }

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

  /** scalac's setter for StrictLogging's val, called by {@code StrictLogging.$init$}. */
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    this.logger = logger;
  }

  /** Super-accessor of ChainableAction's "!": the next in line is Action's "!". */
  public void io$gatling$core$action$ChainableAction$$super$$bang(Session session) {
    try {
      ACTION_BANG.invokeExact((Action) this, session);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /** Super-accessor of ExitableAction's "!": the next in line is ChainableAction's "!". */
  public void io$gatling$core$action$ExitableAction$$super$$bang(Session session) {
    try {
      CHAINABLE_BANG.invokeExact((ChainableAction) this, session);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  // Object.toString would win over the trait's default
  @Override
  public String toString() {
    return name;
  }
}
