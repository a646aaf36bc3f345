package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.protocol.Param;
import java.util.function.Function;

/**
 * A named request on a tunnel (a direct-tcpip channel: the SSH server connects to a host and port
 * for the user, as {@code ssh -L}), the result of {@code tunnel("name")}: pick its verb.
 *
 * <pre>{@code
 * .exec(tunnel("open").open("127.0.0.1", 8080))
 * .exec(tunnel("get").send("GET / HTTP/1.0\r\n\r\n").expect("HTTP/1\\.[01] 200"))
 * .exec(tunnel("close").close())
 * }</pre>
 */
public final class SshTunnel extends SshStream<SshTunnel> {

  SshTunnel(StreamAttributes attributes) {
    super(attributes, SshTunnel::new);
  }

  /** Names the tunnel, for users that hold several at once (default "default"). */
  public SshTunnel tunnelName(String name) {
    return streamName(name);
  }

  /** Opens a tunnel to {@code host} (EL) and {@code port}, as the SSH server sees them. */
  public SshTunnelOpenActionBuilder open(String host, int port) {
    return new SshTunnelOpenActionBuilder(attributes.withTarget(text(host), Param.of(port(port))));
  }

  /**
   * Opens a tunnel to {@code host} and {@code port}, both EL, e.g. {@code open("#{host}",
   * "#{port}")}.
   */
  public SshTunnelOpenActionBuilder open(String host, String port) {
    Param<Integer> p = Param.intEl(port);
    p.staticValue().ifPresent(SshTunnel::port);
    return new SshTunnelOpenActionBuilder(attributes.withTarget(text(host), p));
  }

  /** Opens a tunnel to the host and port computed from the session. */
  public SshTunnelOpenActionBuilder open(
      Function<Session, String> host, Function<Session, Integer> port) {
    return new SshTunnelOpenActionBuilder(attributes.withTarget(Param.fn(host), Param.fn(port)));
  }

  private static int port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("tunnel port must be 1..65535, was " + port);
    }
    return port;
  }
}
