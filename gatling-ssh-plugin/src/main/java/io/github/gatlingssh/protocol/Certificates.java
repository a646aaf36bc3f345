package io.github.gatlingssh.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * OpenSSH user certificates next to private keys: the certificate named by {@code certificate(..)},
 * or else {@code <key>-cert.pub} when it exists, as OpenSSH's client picks it up. A certified key
 * is offered first as its certificate, then as the plain key, as OpenSSH does.
 */
final class Certificates {
  private Certificates() {}

  /**
   * {@code keys} with the certified ones offered first with their certificate.
   *
   * @param keyFile the private key file the keys come from
   * @param certificate the certificate file named in the DSL, or null to look for {@code
   *     <key>-cert.pub}
   * @throws PrivateKeys.KeyLoadException when a named certificate cannot be read or certifies none
   *     of the keys
   */
  static List<KeyPair> attach(List<KeyPair> keys, Path keyFile, String certificate) {
    Path file = certificate != null ? Path.of(certificate) : Path.of(keyFile + "-cert.pub");
    if (certificate == null && !Files.isRegularFile(file)) {
      return keys;
    }
    OpenSshCertificate cert = read(file);
    List<KeyPair> withCert = new ArrayList<>();
    for (KeyPair pair : keys) {
      if (KeyUtils.compareKeys(cert.getCertPubKey(), pair.getPublic())) {
        withCert.add(new KeyPair(cert, pair.getPrivate()));
      }
    }
    if (withCert.isEmpty()) {
      if (certificate == null) {
        return keys; // a stale -cert.pub: OpenSSH ignores it too
      }
      throw new PrivateKeys.KeyLoadException(
          "certificate "
              + file.toAbsolutePath()
              + " does not certify the key "
              + keyFile.toAbsolutePath()
              + ": give the certificate signed for this key");
    }
    withCert.addAll(keys);
    return List.copyOf(withCert);
  }

  private static OpenSshCertificate read(Path file) {
    try {
      String line =
          Files.readAllLines(file).stream()
              .map(String::trim)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .findFirst()
              .orElseThrow(() -> new IOException("empty file"));
      PublicKey key =
          PublicKeyEntry.parsePublicKeyEntry(line)
              .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
      if (key instanceof OpenSshCertificate cert) {
        return cert;
      }
      throw new PrivateKeys.KeyLoadException(
          "certificate "
              + file.toAbsolutePath()
              + " holds a plain public key, not an OpenSSH certificate (ssh-keygen -s makes one)");
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new PrivateKeys.KeyLoadException(
          "cannot read certificate " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
