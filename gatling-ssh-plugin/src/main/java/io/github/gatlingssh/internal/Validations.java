package io.github.gatlingssh.internal;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import scala.runtime.BoxedUnit;

/**
 * Gatling's Scala {@code Validation} as Java can use it (Failure is a {@code Validation<Nothing>}).
 */
public final class Validations {
  private Validations() {}

  public static boolean failed(Validation<?> v) {
    return ((Object) v) instanceof Failure;
  }

  public static <T> T value(Validation<T> v) {
    return ((Success<T>) v).value();
  }

  /** The same failure, typed for the caller's return. */
  @SuppressWarnings("unchecked")
  public static <T> Validation<T> propagate(Validation<?> failure) {
    return (Validation<T>) failure;
  }

  @SuppressWarnings("unchecked")
  public static <T> Validation<T> failure(String message) {
    return (Validation<T>) (Validation<?>) new Failure(message);
  }

  public static <T> Validation<T> success(T value) {
    return new Success<>(value);
  }

  @SuppressWarnings("unchecked")
  public static Validation<BoxedUnit> unit() {
    return (Validation<BoxedUnit>) (Validation<?>) Validation.unit();
  }
}
