package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.client.shell.PtySettings;
import io.github.gatlingssh.protocol.Param;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import scala.Function1;

/**
 * The immutable attributes of one request on a streaming channel (shell or tunnel), as the DSL
 * built them.
 *
 * @param streamName the name the user holds the shell or tunnel under (shellName/tunnelName)
 * @param host the tunnel's target host (open only)
 * @param port the tunnel's target port (open only)
 * @param pty the shell's PTY (open only)
 * @param send what to send, or null
 * @param expect what to wait for, or null
 * @param stripEscapes whether expect ignores terminal escape sequences
 * @param timeout null = the protocol's requestTimeout
 */
public record StreamAttributes(
    Kind kind,
    Function1<Session, Validation<String>> requestName,
    String connectionName,
    String streamName,
    Param<String> host,
    Param<Integer> port,
    PtySettings pty,
    Param<String> send,
    Pattern expect,
    boolean stripEscapes,
    List<CheckBuilder> checks,
    Duration timeout) {

  /** The two streaming channels, named as in KO messages. */
  public enum Kind {
    SHELL,
    TUNNEL;

    /** "shell" or "tunnel". */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Copies the checks, so the attributes stay immutable. */
  public StreamAttributes {
    checks = List.copyOf(checks);
  }

  /** A request with only a name: default connection and stream name, PTY xterm 80x24. */
  public static StreamAttributes of(Kind kind, Function1<Session, Validation<String>> requestName) {
    return new StreamAttributes(
        kind,
        requestName,
        SshAttributes.DEFAULT_NAME,
        SshAttributes.DEFAULT_NAME,
        null,
        null,
        PtySettings.DEFAULT,
        null,
        null,
        false,
        List.of(),
        null);
  }

  /** A copy on the connection of that name. */
  public StreamAttributes withConnectionName(String n) {
    return copy(c -> c.connectionName = n);
  }

  /** A copy on the shell or tunnel of that name. */
  public StreamAttributes withStreamName(String n) {
    return copy(c -> c.streamName = n);
  }

  /** A copy with this tunnel target. */
  public StreamAttributes withTarget(Param<String> h, Param<Integer> p) {
    return copy(
        c -> {
          c.host = h;
          c.port = p;
        });
  }

  /** A copy with this PTY. */
  public StreamAttributes withPty(PtySettings p) {
    return copy(c -> c.pty = p);
  }

  /** A copy that sends this. */
  public StreamAttributes withSend(Param<String> s) {
    return copy(c -> c.send = s);
  }

  /** A copy that expects this. */
  public StreamAttributes withExpect(Pattern e) {
    return copy(c -> c.expect = e);
  }

  /** A copy whose expect ignores terminal escape sequences. */
  public StreamAttributes withStripEscapes() {
    return copy(c -> c.stripEscapes = true);
  }

  /** A copy with these checks after the existing ones. */
  public StreamAttributes withChecks(List<CheckBuilder> more) {
    return copy(c -> c.checks = Stream.concat(checks.stream(), more.stream()).toList());
  }

  /** A copy with this timeout instead of the protocol's requestTimeout. */
  public StreamAttributes withTimeout(Duration t) {
    return copy(c -> c.timeout = t);
  }

  /** One place that lists every component, so each with-method names only what it changes. */
  private StreamAttributes copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new StreamAttributes(
        kind,
        requestName,
        c.connectionName,
        c.streamName,
        c.host,
        c.port,
        c.pty,
        c.send,
        c.expect,
        c.stripEscapes,
        c.checks,
        c.timeout);
  }

  /** The changeable components of a copy, filled from the original. */
  private static final class Copy {
    String connectionName;
    String streamName;
    Param<String> host;
    Param<Integer> port;
    PtySettings pty;
    Param<String> send;
    Pattern expect;
    boolean stripEscapes;
    List<CheckBuilder> checks;
    Duration timeout;

    Copy(StreamAttributes a) {
      connectionName = a.connectionName;
      streamName = a.streamName;
      host = a.host;
      port = a.port;
      pty = a.pty;
      send = a.send;
      expect = a.expect;
      stripEscapes = a.stripEscapes;
      checks = a.checks;
      timeout = a.timeout;
    }
  }
}
