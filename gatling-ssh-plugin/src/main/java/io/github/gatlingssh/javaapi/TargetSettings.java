package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPort;
import static io.github.gatlingssh.javaapi.ProtocolChecks.requireText;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshProtocol;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where {@link SshProtocolBuilder} connects, and as whom: checks host, port and username when the
 * simulation is built and sets them on the protocol.
 */
final class TargetSettings {
  private TargetSettings() {}

  static UnaryOperator<SshProtocol> host(String el) {
    return host(Param.el(requireText(el, "host")));
  }

  static UnaryOperator<SshProtocol> host(Function<Session, String> host) {
    return host(Param.fn(host));
  }

  private static UnaryOperator<SshProtocol> host(Param<String> p) {
    return s -> s.withTarget(s.target().withHost(p));
  }

  static UnaryOperator<SshProtocol> port(int port) {
    return port(Param.of(checkPort(port)));
  }

  static UnaryOperator<SshProtocol> port(String el) {
    Param<Integer> p = Param.intEl(requireText(el, "port"));
    p.staticValue().ifPresent(ProtocolChecks::checkPort); // "2222" as EL is checked as a number now
    return port(p);
  }

  static UnaryOperator<SshProtocol> port(Function<Session, Integer> port) {
    return port(Param.fn(port));
  }

  private static UnaryOperator<SshProtocol> port(Param<Integer> p) {
    return s -> s.withTarget(s.target().withPort(p));
  }

  static UnaryOperator<SshProtocol> username(String el) {
    return username(Param.el(requireText(el, "username")));
  }

  static UnaryOperator<SshProtocol> username(Function<Session, String> username) {
    return username(Param.fn(username));
  }

  private static UnaryOperator<SshProtocol> username(Param<String> p) {
    return s -> s.withTarget(s.target().withUsername(p));
  }
}
