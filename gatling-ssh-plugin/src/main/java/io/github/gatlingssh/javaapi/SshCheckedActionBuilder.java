package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * A request builder whose request has a result to check ({@link SshCheckable}): awaitExit, shell
 * and tunnel steps, SFTP and SCP requests. Not meant to be extended outside this package.
 *
 * @param <B> the request's own builder type, which these methods return
 * @param <W> the request as built so far, as the action reads it
 */
public abstract class SshCheckedActionBuilder<B extends SshCheckedActionBuilder<B, W>, W>
    extends SshRequestActionBuilder<B, W> implements SshCheckable<B> {

  SshCheckedActionBuilder(
      W request,
      RequestSetters<W> setters,
      Function<W, B> rebuild,
      Function<W, io.gatling.core.action.builder.ActionBuilder> action) {
    super(request, setters, rebuild, action);
  }

  @Override
  public final B check(List<CheckBuilder> checks) {
    return withChecks(checks);
  }
}
