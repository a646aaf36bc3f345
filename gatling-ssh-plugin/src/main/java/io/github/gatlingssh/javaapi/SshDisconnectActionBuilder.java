package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;
import java.time.Duration;

/** {@code ssh("name").disconnect()}: see {@link Ssh#disconnect()}. */
public final class SshDisconnectActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;

  SshDisconnectActionBuilder(SshAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * After this, the connection is closed at once and the request is KO (default: the protocol's
   * requestTimeout).
   */
  public SshDisconnectActionBuilder timeout(Duration timeout) {
    return new SshDisconnectActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.disconnect(attributes);
  }
}
