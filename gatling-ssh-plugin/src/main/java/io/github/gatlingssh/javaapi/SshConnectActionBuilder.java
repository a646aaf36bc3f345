package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;

/** {@code ssh("name").connect()}: see {@link Ssh#connect()}. */
public final class SshConnectActionBuilder implements ActionBuilder {
  private final SshAttributes attributes;
  private final boolean timePhases;

  SshConnectActionBuilder(SshAttributes attributes) {
    this(attributes, false);
  }

  private SshConnectActionBuilder(SshAttributes attributes, boolean timePhases) {
    this.attributes = attributes;
    this.timePhases = timePhases;
  }

  /**
   * Also logs, when the connect succeeds, three requests named after it: {@code "<name> tcp"} (TCP
   * connect), {@code "<name> kex"} (banner, key exchange and host key check) and {@code "<name>
   * auth"} (authentication), so the report shows which phase the server spends its time in. A
   * failed connect logs only itself (its KO message names the phase).
   */
  public SshConnectActionBuilder timePhases() {
    return new SshConnectActionBuilder(attributes, true);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.connect(attributes, timePhases);
  }
}
