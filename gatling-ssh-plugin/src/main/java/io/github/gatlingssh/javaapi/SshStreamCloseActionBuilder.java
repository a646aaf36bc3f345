package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import java.time.Duration;

/**
 * {@code shell("close").close()} or {@code tunnel("close").close()}: closes the channel gracefully.
 */
public final class SshStreamCloseActionBuilder implements ActionBuilder {
  private final StreamAttributes attributes;

  SshStreamCloseActionBuilder(StreamAttributes attributes) {
    this.attributes = attributes;
  }

  /** How long the server may take to close its side (default: the protocol's requestTimeout). */
  public SshStreamCloseActionBuilder timeout(Duration timeout) {
    return new SshStreamCloseActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return StreamActionBuilder.close(attributes);
  }
}
