package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.client.shell.PtySettings;
import java.time.Duration;

/**
 * {@code shell("open").open()}: a session channel with a PTY (xterm 80x24 unless {@link #pty}) and
 * a shell.
 */
public final class SshShellOpenActionBuilder implements ActionBuilder {
  private final StreamAttributes attributes;

  SshShellOpenActionBuilder(StreamAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * The PTY to ask for, e.g. {@code pty("vt100", 132, 43)}: terminal type (TERM), columns, rows.
   */
  public SshShellOpenActionBuilder pty(String term, int columns, int rows) {
    return new SshShellOpenActionBuilder(attributes.withPty(new PtySettings(term, columns, rows)));
  }

  /** How long the server may take to start the shell (default: the protocol's requestTimeout). */
  public SshShellOpenActionBuilder timeout(Duration timeout) {
    return new SshShellOpenActionBuilder(attributes.withTimeout(Timeouts.positive(timeout)));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return StreamActionBuilder.open(attributes);
  }
}
