package io.github.gatlingssh.action;

import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.github.gatlingssh.protocol.Param;
import java.time.Duration;
import java.util.List;
import scala.Function1;

/**
 * The immutable attributes of one SSH request, as the DSL built them.
 *
 * @param command null for connect, awaitExit and disconnect
 * @param timeout null = the protocol's requestTimeout
 */
public record SshAttributes(
    Function1<Session, Validation<String>> requestName,
    String connectionName,
    String channelName,
    Param<String> command,
    List<io.gatling.javaapi.core.CheckBuilder> checks,
    Duration timeout) {

  /** The connection and channel name when the DSL names none. */
  public static final String DEFAULT_NAME = "default";

  public SshAttributes {
    checks = List.copyOf(checks);
  }

  /**
   * The attributes of a request with only a name: default connection and channel, no command, no
   * check.
   */
  public static SshAttributes of(Function1<Session, Validation<String>> requestName) {
    return new SshAttributes(requestName, DEFAULT_NAME, DEFAULT_NAME, null, List.of(), null);
  }

  /** A copy on the connection of that name. */
  public SshAttributes withConnectionName(String name) {
    return new SshAttributes(requestName, name, channelName, command, checks, timeout);
  }

  /** A copy on the channel of that name. */
  public SshAttributes withChannelName(String name) {
    return new SshAttributes(requestName, connectionName, name, command, checks, timeout);
  }

  /** A copy with this command. */
  public SshAttributes withCommand(Param<String> c) {
    return new SshAttributes(requestName, connectionName, channelName, c, checks, timeout);
  }

  /** A copy with these checks after the existing ones. */
  public SshAttributes withChecks(List<io.gatling.javaapi.core.CheckBuilder> more) {
    return new SshAttributes(
        requestName,
        connectionName,
        channelName,
        command,
        java.util.stream.Stream.concat(checks.stream(), more.stream()).toList(),
        timeout);
  }

  /** A copy with this timeout instead of the protocol's requestTimeout. */
  public SshAttributes withTimeout(Duration t) {
    return new SshAttributes(requestName, connectionName, channelName, command, checks, t);
  }
}
