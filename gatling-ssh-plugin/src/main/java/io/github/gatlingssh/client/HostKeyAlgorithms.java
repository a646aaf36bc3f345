package io.github.gatlingssh.client;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.signature.Signature;

/**
 * Orders the host key (signature) algorithms a client proposes. Public for the benchmark's bare
 * MINA client, which proposes them in the same order as gatling-ssh.
 */
public final class HostKeyAlgorithms {
  private HostKeyAlgorithms() {}

  /**
   * OpenSSH's client order: ed25519 before ECDSA before RSA (MINA proposes ECDSA first), with
   * certificate algorithms before plain keys, as OpenSSH.
   *
   * @param factories the signature factories a client offers (e.g. {@code
   *     client.getSignatureFactories()})
   * @return a new list with the same factories in OpenSSH's order
   */
  public static List<NamedFactory<Signature>> openSshOrder(
      List<NamedFactory<Signature>> factories) {
    List<NamedFactory<Signature>> ordered = new ArrayList<>(factories);
    ordered.sort((a, b) -> Integer.compare(rank(a.getName()), rank(b.getName())));
    return ordered;
  }

  private static int rank(String name) {
    boolean cert = name.contains("-cert-");
    int family =
        name.contains("ed25519")
            ? 0
            : name.startsWith("ecdsa") || name.contains("ecdsa")
                ? 1
                : name.contains("ed448") ? 2 : 3;
    return (cert ? 0 : 10) + family; // certificates first, as OpenSSH
  }

  /**
   * Moves the algorithms for the given key types (e.g. "ssh-ed25519", "ssh-rsa") to the front,
   * keeping the order otherwise.
   */
  static List<NamedFactory<Signature>> preferring(
      List<NamedFactory<Signature>> factories, List<String> keyTypes) {
    List<NamedFactory<Signature>> first = new ArrayList<>();
    List<NamedFactory<Signature>> rest = new ArrayList<>();
    for (NamedFactory<Signature> f : factories) {
      (keyTypes.contains(keyType(f.getName())) ? first : rest).add(f);
    }
    first.addAll(rest);
    return first;
  }

  /**
   * The plain key type a signature algorithm verifies: rsa-sha2-256/512 sign with "ssh-rsa" keys.
   * Certificate algorithms keep their own name: a plain key in known_hosts does not vouch for them.
   */
  static String keyType(String signatureAlgorithm) {
    if (signatureAlgorithm.contains("-cert-")) {
      return signatureAlgorithm;
    }
    return signatureAlgorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : signatureAlgorithm;
  }
}
