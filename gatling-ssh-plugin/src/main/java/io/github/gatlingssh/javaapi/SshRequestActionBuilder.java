package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What every request builder of the DSL shares (SSH commands, shells, tunnels, SFTP, SCP): the
 * request as built so far, its timeout, and its Gatling action. Each method returns a new builder
 * of the request's own type {@code B}, as Gatling's {@code HttpRequestActionBuilder} does, so that
 * {@code sftp("x").download("f").timeout(d).check(..)} keeps the SFTP builder. Not meant to be
 * extended outside this package.
 *
 * @param <B> the request's own builder type, which these methods return
 * @param <W> the request as built so far, as the action reads it
 */
public abstract class SshRequestActionBuilder<B extends SshRequestActionBuilder<B, W>, W>
    implements ActionBuilder {

  /** The request as built so far. */
  final W request;

  private final RequestSetters<W> setters;
  private final Function<W, B> rebuild;
  private final Function<W, io.gatling.core.action.builder.ActionBuilder> action;

  /**
   * @param setters how the timeout and the checks are set on this kind of request
   * @param rebuild makes the same kind of builder from a changed request
   * @param action makes Gatling's action builder of the request
   */
  SshRequestActionBuilder(
      W request,
      RequestSetters<W> setters,
      Function<W, B> rebuild,
      Function<W, io.gatling.core.action.builder.ActionBuilder> action) {
    this.request = request;
    this.setters = setters;
    this.rebuild = rebuild;
    this.action = action;
  }

  /** The same kind of builder on the changed request. */
  final B with(W changed) {
    return rebuild.apply(changed);
  }

  /** The request with these checks after the ones it has; for {@link SshCheckable}'s builders. */
  final B withChecks(List<CheckBuilder> checks) {
    return with(setters.checks().apply(request, checks));
  }

  /**
   * How long the request may take (default: the protocol's requestTimeout); past it the request is
   * KO. What becomes of its channel then is said on each builder's class.
   */
  public B timeout(Duration timeout) {
    return with(setters.timeout().apply(request, Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return action.apply(request);
  }
}
