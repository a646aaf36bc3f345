package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.protocol.Param;
import java.util.function.Function;

/**
 * The verbs a shell ({@link SshShell}) and a tunnel ({@link SshTunnel}) share: send, expect, close;
 * the connection they go through is named as for {@link Ssh}. Not meant to be extended outside this
 * package.
 *
 * @param <S> the shell's or tunnel's own type, which the naming methods return
 */
public abstract class SshStream<S extends SshStream<S>>
    extends SshNamedRequest<S, StreamAttributes> {

  SshStream(StreamAttributes attributes, Function<StreamAttributes, S> rebuild) {
    super(attributes, rebuild, StreamAttributes::withConnectionName);
  }

  /** The same request on the stream of this name (see the shell's and tunnel's name methods). */
  final S streamName(String name) {
    return with(attributes.withStreamName(Timeouts.channelName(name)));
  }

  /**
   * Sends the EL text, encoded with the protocol's charset, e.g. {@code send("ls #{dir}\n")} (add
   * {@code \n} to run a shell command).
   */
  public SshStreamActionBuilder send(String text) {
    return new SshStreamActionBuilder(attributes.withSend(text(text)));
  }

  /** Sends the text computed from the session. */
  public SshStreamActionBuilder send(Function<Session, String> text) {
    return new SshStreamActionBuilder(attributes.withSend(Param.fn(text)));
  }

  /**
   * Waits for received output matching {@code regex}: see {@link SshStreamActionBuilder#expect}.
   */
  public SshStreamActionBuilder expect(String regex) {
    return new SshStreamActionBuilder(attributes.withExpect(SshStreamActionBuilder.compile(regex)));
  }

  /** Closes the channel (the server hangs up a shell still running). */
  public SshStreamCloseActionBuilder close() {
    return new SshStreamCloseActionBuilder(attributes);
  }

  static Param<String> text(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("the text must not be empty");
    }
    return Param.el(text);
  }
}
