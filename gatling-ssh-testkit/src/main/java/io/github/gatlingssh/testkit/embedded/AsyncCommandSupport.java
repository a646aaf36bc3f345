package io.github.gatlingssh.testkit.embedded;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.command.AsyncCommand;

/**
 * What the in-JVM commands share as MINA {@link AsyncCommand}s: the async streams and the exit
 * callback MINA sets before {@code start()}, on the thread that then calls it. MINA's own {@code
 * AbstractCommandSupport} runs a command on a thread of its own, which these commands must not.
 */
abstract class AsyncCommandSupport implements AsyncCommand {

  IoInputStream ioIn;
  IoOutputStream ioOut;
  IoOutputStream ioErr;
  ExitCallback exitCallback;

  @Override
  public final void setIoInputStream(IoInputStream in) {
    this.ioIn = in;
  }

  @Override
  public final void setIoOutputStream(IoOutputStream out) {
    this.ioOut = out;
  }

  @Override
  public final void setIoErrorStream(IoOutputStream err) {
    this.ioErr = err;
  }

  @Override
  public final void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  // The blocking stream setters are not called for an AsyncCommand; required by Command.
  @Override
  public final void setInputStream(InputStream in) {}

  @Override
  public final void setOutputStream(OutputStream out) {}

  @Override
  public final void setErrorStream(OutputStream err) {}
}
