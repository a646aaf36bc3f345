package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.protocol.SshProtocol;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The DSL's check of a keyboard-interactive prompt regex: a bad one fails when the simulation is
 * built.
 */
final class Prompts {
  private Prompts() {}

  static Pattern compile(String regex) {
    if (regex == null || regex.isEmpty()) {
      throw SshProtocol.invalid(
          "keyboardInteractive: the prompt regex must not be empty, e.g. \"(?i)password\"");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw SshProtocol.invalid(
          "keyboardInteractive: '"
              + regex
              + "' is not a valid regex (Java syntax): "
              + e.getDescription());
    }
  }
}
