package io.github.gatlingssh.check;

import io.gatling.javaapi.core.CheckBuilder;

/** The SSH-specific check types of the Java DSL. */
public enum SshCheckType implements CheckBuilder.CheckType {
  ExitStatus,
  ExitSignal,
  Stdout,
  StdoutLineCount,
  Stderr
}
