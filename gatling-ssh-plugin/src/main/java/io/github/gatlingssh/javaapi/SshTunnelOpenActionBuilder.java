package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;

/**
 * {@code tunnel("open").open("127.0.0.1", 8080)}: a direct-tcpip channel through the user's
 * connection; the timeout bounds how long the server may take to connect to the target.
 */
public final class SshTunnelOpenActionBuilder
    extends SshRequestActionBuilder<SshTunnelOpenActionBuilder, StreamAttributes> {

  SshTunnelOpenActionBuilder(StreamAttributes attributes) {
    super(
        attributes,
        RequestSetters.STREAM,
        SshTunnelOpenActionBuilder::new,
        StreamActionBuilder::open);
  }
}
