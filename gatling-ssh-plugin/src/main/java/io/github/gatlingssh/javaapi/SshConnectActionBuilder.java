package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;

/** {@code ssh("name").connect()}: see {@link Ssh#connect()}. */
public final class SshConnectActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;

  SshConnectActionBuilder(SshAttributes attributes) {
    this.attributes = attributes;
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.connect(attributes);
  }
}
