package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Key generation and the OpenSSH text formats the server exposes. */
final class ServerKeys {

  private ServerKeys() {}

  /**
   * Generates an ssh-ed25519 key pair, or ecdsa-sha2-nistp256 when no EdDSA provider (net.i2p eddsa
   * or BouncyCastle) is on the classpath.
   */
  static KeyPair generate() throws GeneralSecurityException {
    if (SecurityUtils.isEDDSACurveSupported()) {
      return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }
    return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
  }

  /**
   * @return the OpenSSH fingerprint, e.g. {@code SHA256:k2k8...}
   */
  static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(key);
  }

  /**
   * @return {@code "ssh-ed25519 AAAA..."}
   */
  static String publicKeyEntry(PublicKey key) {
    return PublicKeyEntry.toString(key);
  }

  /**
   * @return {@code "[host]:port ssh-ed25519 AAAA..."}, or {@code "host ssh-ed25519 AAAA..."} on
   *     port 22
   */
  static String knownHostsLine(String host, int port, PublicKey key) {
    return KnownHostHashValue.createHostPattern(host, port) + " " + publicKeyEntry(key);
  }

  /**
   * Writes {@code pair} as an unencrypted OpenSSH private key readable only by the owner (0600), as
   * OpenSSH's {@code ssh -i} demands, plus the public key next to it as {@code <file>.pub}.
   */
  static void writePrivateKey(KeyPair pair, Path file, String comment)
      throws IOException, GeneralSecurityException {
    createOwnerOnly(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, out);
    }
    Path pub = file.resolveSibling(file.getFileName() + ".pub");
    Files.writeString(
        pub, publicKeyEntry(pair.getPublic()) + " " + comment + "\n", StandardCharsets.US_ASCII);
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }
}
