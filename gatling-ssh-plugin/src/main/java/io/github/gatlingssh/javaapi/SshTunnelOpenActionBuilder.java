package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import java.time.Duration;

/**
 * {@code tunnel("open").open("127.0.0.1", 8080)}: a direct-tcpip channel through the user's
 * connection.
 */
public final class SshTunnelOpenActionBuilder implements ActionBuilder {
  private final StreamAttributes attributes;

  SshTunnelOpenActionBuilder(StreamAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * How long the server may take to connect to the target (default: the protocol's requestTimeout).
   */
  public SshTunnelOpenActionBuilder timeout(Duration timeout) {
    return new SshTunnelOpenActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return StreamActionBuilder.open(attributes);
  }
}
