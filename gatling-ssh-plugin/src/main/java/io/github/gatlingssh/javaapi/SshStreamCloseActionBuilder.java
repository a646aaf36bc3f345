package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;

/**
 * {@code shell("close").close()} or {@code tunnel("close").close()}: closes the channel gracefully;
 * the timeout bounds how long the server may take to close its side.
 */
public final class SshStreamCloseActionBuilder
    extends SshRequestActionBuilder<SshStreamCloseActionBuilder, StreamAttributes> {

  SshStreamCloseActionBuilder(StreamAttributes attributes) {
    super(
        attributes,
        RequestSetters.STREAM,
        SshStreamCloseActionBuilder::new,
        StreamActionBuilder::close);
  }
}
