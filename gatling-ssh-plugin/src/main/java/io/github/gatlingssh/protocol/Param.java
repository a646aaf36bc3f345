package io.github.gatlingssh.protocol;

import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.Optional;
import java.util.function.Function;
import scala.Function1;

/**
 * A setting that may depend on the virtual user: a Gatling EL string ({@code "#{host}"}), a
 * function of the session, or a plain value. Static values are kept so they can be validated when
 * the simulation is built.
 */
public final class Param<T> {
  private final Function1<Session, Validation<T>> expression;
  private final T staticValue;
  private final String description;

  private Param(Function1<Session, Validation<T>> expression, T staticValue, String description) {
    this.expression = expression;
    this.staticValue = staticValue;
    this.description = description;
  }

  /** A plain value. */
  public static <T> Param<T> of(T value) {
    return new Param<>(Expressions.toStaticValueExpression(value), value, String.valueOf(value));
  }

  /** A Gatling EL string; static when it holds no {@code #{...}}. */
  public static Param<String> el(String el) {
    if (!el.contains("#{")) {
      return of(el);
    }
    return new Param<>(Expressions.toStringExpression(el), null, el);
  }

  /** A Gatling EL string that must resolve to an int (e.g. a port). */
  @SuppressWarnings("unchecked")
  public static Param<Integer> intEl(String el) {
    if (!el.contains("#{")) {
      try {
        return of(Integer.parseInt(el.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + el + "' is not a number nor a Gatling EL expression like #{port}");
      }
    }
    Function1<Session, ?> e = Expressions.toIntExpression(el);
    return new Param<>((Function1<Session, Validation<Integer>>) e, null, el);
  }

  /** A function of the virtual user's session. */
  public static <T> Param<T> fn(Function<io.gatling.javaapi.core.Session, T> f) {
    return new Param<>(Expressions.javaFunctionToExpression(f), null, "<function>");
  }

  /** This user's value, or a Gatling failure naming a missing EL attribute. */
  public Validation<T> resolve(Session session) {
    return expression.apply(session);
  }

  /** The value when it is the same for every user (then validated at build time), else empty. */
  public Optional<T> staticValue() {
    return Optional.ofNullable(staticValue);
  }

  /** The EL string or value, for messages (never used for secrets). */
  @Override
  public String toString() {
    return description;
  }
}
