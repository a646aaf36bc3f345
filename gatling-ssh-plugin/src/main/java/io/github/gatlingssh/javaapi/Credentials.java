package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.requireText;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.protocol.Auth;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshProtocol;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How {@link SshProtocolBuilder} authenticates: checks passwords, keys, certificates and
 * keyboard-interactive answers when the simulation is built and adds them to the protocol's {@link
 * Auth}.
 */
final class Credentials {
  private Credentials() {}

  static UnaryOperator<SshProtocol> password(String el) {
    return password(Param.el(Objects.requireNonNull(el, "password must not be null")));
  }

  static UnaryOperator<SshProtocol> password(Function<Session, String> password) {
    return password(Param.fn(password));
  }

  private static UnaryOperator<SshProtocol> password(Param<String> p) {
    return s -> s.withAuth(s.auth().withPassword(p));
  }

  /** A key file (EL) with a passphrase (EL), or without one if {@code passphrase} is null. */
  static UnaryOperator<SshProtocol> privateKey(String path, String passphrase) {
    Param<String> p = Param.el(requireText(path, "privateKey path"));
    return privateKey(new Auth.PrivateKey(p, passphrase == null ? null : Param.el(passphrase)));
  }

  /**
   * A key file per user with a passphrase per user, or without one if {@code passphrase} is null.
   */
  static UnaryOperator<SshProtocol> privateKey(
      Function<Session, String> path, Function<Session, String> passphrase) {
    return privateKey(
        new Auth.PrivateKey(Param.fn(path), passphrase == null ? null : Param.fn(passphrase)));
  }

  private static UnaryOperator<SshProtocol> privateKey(Auth.PrivateKey key) {
    return s -> s.withAuth(s.auth().withPrivateKey(key));
  }

  static UnaryOperator<SshProtocol> certificate(String path) {
    String file = requireText(path, "certificate");
    return s -> s.withAuth(s.auth().withCertificate(file));
  }

  static UnaryOperator<SshProtocol> prompt(String promptRegex, String answer) {
    Auth.Prompt prompt =
        new Auth.Prompt(Prompts.compile(promptRegex), Param.el(requireText(answer, "answer")));
    return s -> s.withAuth(s.auth().withPrompt(prompt));
  }
}
