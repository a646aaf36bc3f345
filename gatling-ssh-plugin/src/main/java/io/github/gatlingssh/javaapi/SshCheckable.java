package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * A request with a result to check: an exec, an awaitExit, a shell or tunnel step, an SFTP or SCP
 * request. Which checks a request takes is said on its builder's class.
 *
 * @param <B> the request's own builder type, which {@code check} returns
 */
public interface SshCheckable<B> {

  /**
   * Checks on the request's result, after the ones it already has. An SFTP or SCP request refuses a
   * check it does not support when the simulation is built.
   */
  B check(List<CheckBuilder> checks);

  /**
   * Checks on the request's result, e.g. {@code check(exitStatus().is(0), regex("(?m)^L").count()
   * .is(333))}: see {@link #check(List)}.
   */
  default B check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }
}
