package io.github.gatlingssh.check;

import io.gatling.javaapi.core.CheckBuilder;

/** The SFTP-specific check types of the Java DSL. */
public enum SftpCheckType implements CheckBuilder.CheckType {
  FileSize,
  FileNames,
  TransferredBytes
}
