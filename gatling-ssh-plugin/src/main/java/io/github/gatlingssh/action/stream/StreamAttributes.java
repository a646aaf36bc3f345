package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.client.shell.PtySettings;
import io.github.gatlingssh.protocol.Param;
import java.time.Duration;
import java.util.List;
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
    SHELL("shell"),
    TUNNEL("tunnel");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** "shell" or "tunnel". */
    public String label() {
      return label;
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
    return new StreamAttributes(
        kind,
        requestName,
        n,
        streamName,
        host,
        port,
        pty,
        send,
        expect,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy on the shell or tunnel of that name. */
  public StreamAttributes withStreamName(String n) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        n,
        host,
        port,
        pty,
        send,
        expect,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy with this tunnel target. */
  public StreamAttributes withTarget(Param<String> h, Param<Integer> p) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        h,
        p,
        pty,
        send,
        expect,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy with this PTY. */
  public StreamAttributes withPty(PtySettings p) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        p,
        send,
        expect,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy that sends this. */
  public StreamAttributes withSend(Param<String> s) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        pty,
        s,
        expect,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy that expects this. */
  public StreamAttributes withExpect(Pattern e) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        pty,
        send,
        e,
        stripEscapes,
        checks,
        timeout);
  }

  /** A copy whose expect ignores terminal escape sequences. */
  public StreamAttributes withStripEscapes() {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        pty,
        send,
        expect,
        true,
        checks,
        timeout);
  }

  /** A copy with these checks after the existing ones. */
  public StreamAttributes withChecks(List<CheckBuilder> more) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        pty,
        send,
        expect,
        stripEscapes,
        Stream.concat(checks.stream(), more.stream()).toList(),
        timeout);
  }

  /** A copy with this timeout instead of the protocol's requestTimeout. */
  public StreamAttributes withTimeout(Duration t) {
    return new StreamAttributes(
        kind,
        requestName,
        connectionName,
        streamName,
        host,
        port,
        pty,
        send,
        expect,
        stripEscapes,
        checks,
        t);
  }
}
