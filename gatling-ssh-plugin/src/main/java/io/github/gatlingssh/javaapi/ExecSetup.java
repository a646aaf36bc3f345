package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.exec.ExecSpec;
import io.github.gatlingssh.protocol.Param;
import java.util.function.Function;

/** The DSL's checks and conversions for stdin, pty and env, shared by exec and start. */
final class ExecSetup {
  private ExecSetup() {}

  static ExecSpec stdin(ExecSpec spec, String text) {
    if (text == null) {
      throw new IllegalArgumentException(
          "stdin must not be null: give a text or a Gatling EL string such as #{payload}");
    }
    return spec.withStdinText(Param.el(text));
  }

  static ExecSpec stdin(ExecSpec spec, Function<Session, byte[]> bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("stdin must not be null: give a function of the session");
    }
    return spec.withStdinBytes(Param.fn(bytes));
  }

  static ExecSpec stdinFile(ExecSpec spec, String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("stdinFile needs the path of a local file (EL allowed)");
    }
    return spec.withStdinFile(Param.el(path));
  }

  static ExecSpec env(ExecSpec spec, String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "env(" + name + ", ..): the value must not be null (EL allowed)");
    }
    return spec.withEnv(name, Param.el(value));
  }
}
