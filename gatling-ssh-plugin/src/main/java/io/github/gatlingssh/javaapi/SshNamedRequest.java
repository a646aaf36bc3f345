package io.github.gatlingssh.javaapi;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every named request shares before its verb is picked ({@code ssh(..)}, {@code sftp(..)},
 * {@code scp(..)}, {@code shell(..)}, {@code tunnel(..)}): its attributes so far and the SSH
 * connection it runs on. Not meant to be extended outside this package.
 *
 * @param <S> the request's own type, which {@link #connectionName} returns
 * @param <A> the request's attributes, as its actions read them
 */
public abstract class SshNamedRequest<S extends SshNamedRequest<S, A>, A> {
  /** The request's attributes so far. */
  final A attributes;

  private final Function<A, S> rebuild;
  private final BiFunction<A, String, A> withConnectionName;

  /**
   * @param rebuild makes the same kind of request from other attributes
   * @param withConnectionName the attributes on the connection of that name
   */
  SshNamedRequest(
      A attributes, Function<A, S> rebuild, BiFunction<A, String, A> withConnectionName) {
    this.attributes = attributes;
    this.rebuild = rebuild;
    this.withConnectionName = withConnectionName;
  }

  /** The same kind of request with other attributes. */
  final S with(A changed) {
    return rebuild.apply(changed);
  }

  /**
   * Names the SSH connection this request uses, for virtual users that hold several (default
   * "default"). A connection opened with {@code ssh(..).connectionName("a").connect()} is used by
   * the requests that name "a".
   */
  public S connectionName(String name) {
    return with(withConnectionName.apply(attributes, Timeouts.connectionName(name)));
  }
}
