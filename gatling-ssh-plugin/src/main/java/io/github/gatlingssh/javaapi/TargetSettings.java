package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPort;
import static io.github.gatlingssh.javaapi.ProtocolChecks.requireText;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshProtocol;
import io.github.gatlingssh.protocol.Target;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where {@link SshProtocolBuilder} connects, and as whom: checks host, port and username when the
 * simulation is built and sets them on the protocol's {@link Target}.
 */
final class TargetSettings {
  private TargetSettings() {}

  static UnaryOperator<SshProtocol> host(String el) {
    Param<String> host = Param.el(requireText(el, "host"));
    return target(t -> t.withHost(host));
  }

  static UnaryOperator<SshProtocol> host(Function<Session, String> host) {
    return target(t -> t.withHost(Param.fn(host)));
  }

  static UnaryOperator<SshProtocol> port(int port) {
    Param<Integer> p = Param.of(checkPort(port));
    return target(t -> t.withPort(p));
  }

  static UnaryOperator<SshProtocol> port(String el) {
    Param<Integer> p = Param.intEl(requireText(el, "port"));
    p.staticValue().ifPresent(ProtocolChecks::checkPort); // "2222" as EL is checked as a number now
    return target(t -> t.withPort(p));
  }

  static UnaryOperator<SshProtocol> port(Function<Session, Integer> port) {
    return target(t -> t.withPort(Param.fn(port)));
  }

  static UnaryOperator<SshProtocol> username(String el) {
    Param<String> username = Param.el(requireText(el, "username"));
    return target(t -> t.withUsername(username));
  }

  static UnaryOperator<SshProtocol> username(Function<Session, String> username) {
    return target(t -> t.withUsername(Param.fn(username)));
  }

  /** The protocol with its target changed: the one place the DSL replaces the target group. */
  private static UnaryOperator<SshProtocol> target(UnaryOperator<Target> change) {
    return s -> s.withTarget(change.apply(s.target()));
  }
}
