package io.github.gatlingssh.check;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.core.check.CheckBuilder$Find$Default;
import io.gatling.core.check.FindExtractor;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.function.Function;
import scala.Option;

/** Gatling "find" checks on one value of a response, as the Java DSL's builders. */
final class FindChecks {
  private FindChecks() {}

  /**
   * The check builder {@code name} of {@code type}: finds the value {@code extract} reads of the
   * response (nothing found when it reads null).
   *
   * @param logActualValue whether a failed check's message shows the value found
   */
  static <T extends CheckBuilder.CheckType, R, X> CheckBuilder.Find<X> find(
      String name, T type, Class<X> javaClass, Function<R, X> extract, boolean logActualValue) {
    FindExtractor<R, X> extractor =
        new FindExtractor<>(name, response -> success(Option.apply(extract.apply(response))));
    CheckBuilder$Find$Default<T, R, X> scalaFind =
        new CheckBuilder$Find$Default<>(
            Expressions.toStaticValueExpression(extractor), logActualValue);
    return new CheckBuilder.Find.Default<>(scalaFind, type, javaClass, null);
  }
}
