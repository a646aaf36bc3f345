package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.SshAttributes;

/**
 * {@code ssh("name").disconnect()}: see {@link Ssh#disconnect()}. Past the timeout, the connection
 * is closed at once.
 */
public final class SshDisconnectActionBuilder
    extends SshRequestActionBuilder<SshDisconnectActionBuilder, SshAttributes> {

  SshDisconnectActionBuilder(SshAttributes attributes) {
    super(
        attributes,
        RequestSetters.SSH,
        SshDisconnectActionBuilder::new,
        SshActionBuilder::disconnect);
  }
}
