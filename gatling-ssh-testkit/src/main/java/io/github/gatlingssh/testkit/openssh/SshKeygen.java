package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Generates key pairs with {@code ssh-keygen} and computes OpenSSH-style fingerprints. */
final class SshKeygen {

  private SshKeygen() {}

  /**
   * Writes a new key pair to {@code privateKey} and {@code privateKey.pub} (no comment).
   *
   * @param passphrase null or empty for an unencrypted key
   * @throws UnsupportedOperationException if ssh-keygen cannot write {@code format} for {@code
   *     type}
   */
  static void generate(KeyType type, KeyFormat format, String passphrase, Path privateKey) {
    List<String> cmd = new ArrayList<>();
    cmd.add(OpenSsh.require(OpenSsh.sshKeygen(), "ssh-keygen").toString());
    cmd.addAll(List.of("-q", "-t", type.keygenName(), "-C", "", "-f", privateKey.toString()));
    if (format == KeyFormat.PEM) {
      cmd.addAll(List.of("-m", "PEM"));
    }
    cmd.addAll(List.of("-N", passphrase == null ? "" : passphrase));
    CommandRunner.runOrFail(
        "ssh-keygen -t " + type.keygenName() + " (" + format + ") -f " + privateKey, cmd);
    if (format == KeyFormat.PEM && firstLine(privateKey).contains("OPENSSH")) {
      delete(privateKey);
      delete(publicKeyFile(privateKey));
      throw new UnsupportedOperationException(
          "ssh-keygen cannot write " + type + " keys in PEM format (it writes OpenSSH format)");
    }
  }

  static Path publicKeyFile(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  /** {@code <type> <base64>} of the key pair's public half, without comment. */
  static String publicKeyLine(Path privateKey) {
    String[] parts = read(publicKeyFile(privateKey)).strip().split("\\s+");
    return parts[0] + " " + parts[1];
  }

  /**
   * The SHA-256 fingerprint of a public key line, exactly as {@code ssh-keygen -lf} and {@code ssh
   * -v} print it: {@code SHA256:} + unpadded base64 of the digest of the key blob.
   */
  static String fingerprint(String publicKeyLine) {
    byte[] blob = Base64.getDecoder().decode(publicKeyLine.strip().split("\\s+")[1]);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(Path file) {
    String text = read(file);
    int eol = text.indexOf('\n');
    return eol < 0 ? text : text.substring(0, eol);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
