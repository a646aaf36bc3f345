package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.protocol.SshProtocol;
import java.time.Duration;

/**
 * The protocol builder's checks of plain values: a bad one fails when the simulation is built,
 * saying what to set.
 */
final class ProtocolChecks {
  private ProtocolChecks() {}

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw SshProtocol.invalid(name + " must not be empty");
    }
    return value;
  }

  static int checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw SshProtocol.invalid("port " + port + " is out of range 1-65535");
    }
    return port;
  }

  static void checkPositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw SshProtocol.invalid(name + " must be a positive duration, was " + d);
    }
  }
}
