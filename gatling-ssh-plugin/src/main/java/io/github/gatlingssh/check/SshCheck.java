package io.github.gatlingssh.check;

import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckResult;
import io.gatling.core.session.Session;
import java.util.Map;
import scala.Function1;
import scala.Function2;

/**
 * A Gatling check on an {@link SshResponse}, tagged with what it looks at, so a request knows
 * whether the user checked the exit status (if not, a non-zero status is a KO, as HTTP's default
 * status check).
 */
public final class SshCheck implements Check<SshResponse> {

  /** What a check looks at. */
  public enum Scope {
    EXIT,
    OUTPUT,
    TIME
  }

  private final Check<SshResponse> wrapped;
  private final Scope scope;

  public SshCheck(Check<SshResponse> wrapped, Scope scope) {
    this.wrapped = wrapped;
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  @Override
  public Validation<CheckResult> check(
      SshResponse response, Session session, Map<Object, Object> preparedCache) {
    return wrapped.check(response, session, preparedCache);
  }

  @Override
  public Check<SshResponse> checkIf(Function1<Session, Validation<Object>> condition) {
    return new SshCheck(wrapped.checkIf(condition), scope);
  }

  @Override
  public Check<SshResponse> checkIf(Function2<SshResponse, Session, Validation<Object>> condition) {
    return new SshCheck(wrapped.checkIf(condition), scope);
  }
}
