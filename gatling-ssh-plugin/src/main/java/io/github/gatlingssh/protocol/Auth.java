package io.github.gatlingssh.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the virtual user authenticates: a password, a private key, or both (either may be EL). The
 * only group that holds secrets: its {@link #toString()} masks them, and so does every string built
 * from it.
 *
 * @param password null when not set
 * @param privateKey null when not set
 * @param keyboardInteractive answers to keyboard-interactive prompts, in the order the DSL gave
 *     them
 * @param certificate the OpenSSH certificate of the private key; null: {@code <key>-cert.pub} if it
 *     exists
 */
public record Auth(
    Param<String> password,
    PrivateKey privateKey,
    List<Prompt> keyboardInteractive,
    String certificate) {
  /** No credential yet. */
  public static final Auth NONE = new Auth(null, null, List.of(), null);

  public Auth {
    keyboardInteractive =
        keyboardInteractive == null ? List.of() : List.copyOf(keyboardInteractive);
  }

  /** A password and a private key, without keyboard-interactive answers. */
  public Auth(Param<String> password, PrivateKey privateKey) {
    this(password, privateKey, List.of(), null);
  }

  /**
   * A keyboard-interactive prompt (regex, found in the server's prompt) and its answer (EL: a
   * secret).
   */
  public record Prompt(Pattern prompt, Param<String> answer) {
    @Override
    public String toString() {
      return "Prompt[" + prompt.pattern() + " -> ***]";
    }
  }

  /** A copy with this certificate file (validated by {@link #validate()}). */
  public Auth withCertificate(String path) {
    return new Auth(password, privateKey, keyboardInteractive, path);
  }

  /** A copy that also answers this prompt. */
  public Auth withPrompt(Prompt value) {
    List<Prompt> more = new ArrayList<>(keyboardInteractive);
    more.add(value);
    return new Auth(password, privateKey, more, certificate);
  }

  /** A private key file and its optional passphrase (either may be EL). */
  public record PrivateKey(Param<String> path, Param<String> passphrase) {
    @Override
    public String toString() {
      return "PrivateKey[" + path + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
  }

  /** A copy with this password. */
  public Auth withPassword(Param<String> value) {
    return new Auth(value, privateKey, keyboardInteractive, certificate);
  }

  /** A copy with this private key. */
  public Auth withPrivateKey(PrivateKey value) {
    return new Auth(password, value, keyboardInteractive, certificate);
  }

  /**
   * Fails, saying what to set, without a credential or when a key file named by a plain path is
   * missing; a path in EL is checked per user, when the key is loaded.
   */
  void validate() {
    if (password == null && privateKey == null && keyboardInteractive.isEmpty()) {
      throw SshProtocol.invalid(
          "no credential: set .privateKey(\"/path/to/id_ed25519\"), .password(\"...\")"
              + " or .keyboardInteractive(\"(?i)password\", \"...\")");
    }
    if (certificate != null) {
      if (privateKey == null) {
        throw SshProtocol.invalid(
            "certificate("
                + certificate
                + ") needs the private key it certifies: add .privateKey(..)");
      }
      if (!Files.isRegularFile(Path.of(certificate)) || !Files.isReadable(Path.of(certificate))) {
        throw SshProtocol.invalid(
            "certificate file "
                + Path.of(certificate).toAbsolutePath()
                + " does not exist or is not readable: fix .certificate(..)");
      }
    }
    if (privateKey != null) {
      privateKey
          .path()
          .staticValue()
          .ifPresent(
              p -> {
                Path path = Path.of(p);
                if (!Files.isRegularFile(path)) {
                  throw SshProtocol.invalid(
                      "private key file "
                          + path.toAbsolutePath()
                          + " does not exist: fix .privateKey(..)");
                }
                if (!Files.isReadable(path)) {
                  throw SshProtocol.invalid(
                      "private key file "
                          + path.toAbsolutePath()
                          + " is not readable by this user");
                }
              });
    }
  }

  @Override
  public String toString() {
    return "Auth[password="
        + (password == null ? "none" : "***")
        + ", privateKey="
        + privateKey
        + (keyboardInteractive.isEmpty() ? "" : ", keyboardInteractive=" + keyboardInteractive)
        + (certificate == null ? "" : ", certificate=" + certificate)
        + "]";
  }
}
