package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.stream.StreamActionBuilder;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.client.shell.PtySettings;

/**
 * {@code shell("open").open()}: a session channel with a PTY (xterm 80x24 unless {@link #pty}) and
 * a shell; the timeout bounds how long the server may take to start the shell.
 */
public final class SshShellOpenActionBuilder
    extends SshRequestActionBuilder<SshShellOpenActionBuilder, StreamAttributes> {

  SshShellOpenActionBuilder(StreamAttributes attributes) {
    super(
        attributes,
        RequestSetters.STREAM,
        SshShellOpenActionBuilder::new,
        StreamActionBuilder::open);
  }

  /**
   * The PTY to ask for, e.g. {@code pty("vt100", 132, 43)}: terminal type (TERM), columns, rows.
   */
  public SshShellOpenActionBuilder pty(String term, int columns, int rows) {
    return with(request.withPty(new PtySettings(term, columns, rows)));
  }
}
