package io.github.gatlingssh.benchmark.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Random;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.Digest;
import org.apache.sshd.common.kex.AbstractDH;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * A micro-benchmark of the crypto a client handshake does, through MINA's own API (so through the
 * providers MINA picks on this classpath, as the plugin's client does): one curve25519-sha256 key
 * exchange (key pair, agreement, exchange hash), one host key signature verified from its wire
 * encoding, one user key signature. Reports thread CPU time per operation after a warm-up, which a
 * loaded machine disturbs less than wall time. Not part of {@code benchmark/run}:
 *
 * <pre>
 * java -cp benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt) \
 *   io.github.gatlingssh.benchmark.profile.HandshakeCryptoBench [operations]
 * </pre>
 */
public final class HandshakeCryptoBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HandshakeCryptoBench() {}

  /** One operation measured. */
  private interface Operation {
    void run() throws Exception;
  }

  /** Argument: operations per measure (default 3,000, after as many warm-up ones). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    // first, as it registers MINA's providers
    String x25519 = SecurityUtils.getKeyAgreement("X25519").getProvider().getName();
    System.out.printf(
        "java %s; MINA providers %s; EdDSA via %s; X25519 via %s%n",
        System.getProperty("java.version"),
        SecurityUtils.getRegisteredProviders(),
        SecurityUtils.getEdDSASupport().map(s -> s.getClass().getSimpleName()).orElse("none"),
        x25519);
    byte[] exchangeHash = new byte[32];
    byte[] kexData = new byte[1200]; // about what curve25519-sha256's exchange hash covers
    byte[] authData = new byte[200]; // about what a publickey USERAUTH_REQUEST signs
    Random random = new Random(1);
    random.nextBytes(exchangeHash);
    random.nextBytes(kexData);
    random.nextBytes(authData);
    byte[] serverE = BuiltinDHFactories.curve25519.create().getE();
    measure(
        "curve25519-sha256 key exchange",
        n,
        () -> {
          AbstractDH dh = BuiltinDHFactories.curve25519.create();
          dh.getE();
          dh.setF(serverE);
          dh.getK();
          Digest hash = dh.getHash();
          hash.init();
          hash.update(kexData);
          hash.digest();
        });
    hostKey("ssh-ed25519", 256, BuiltinSignatures.ed25519, exchangeHash, n);
    hostKey("ecdsa-sha2-nistp256", 256, BuiltinSignatures.nistp256, exchangeHash, n);
    hostKey("ssh-rsa", 3072, BuiltinSignatures.rsaSHA512, exchangeHash, n / 10);
  }

  /** Host key verification (from the key's wire encoding) and user key signing with this type. */
  private static void hostKey(
      String type, int size, BuiltinSignatures algorithm, byte[] data, int n) throws Exception {
    KeyPair pair = KeyUtils.generateKeyPair(type, size);
    ByteArrayBuffer encoded = new ByteArrayBuffer();
    encoded.putPublicKey(pair.getPublic());
    byte[] blob = encoded.getCompactData();
    Signature signer = algorithm.create();
    signer.initSigner(null, pair.getPrivate());
    signer.update(null, data);
    byte[] signature = signer.sign(null);
    measure(
        algorithm.getName() + " host key verify",
        n,
        () -> {
          PublicKey key = new ByteArrayBuffer(blob).getPublicKey();
          Signature verifier = algorithm.create();
          verifier.initVerifier(null, key);
          verifier.update(null, data);
          if (!verifier.verify(null, signature)) {
            throw new IllegalStateException("signature does not verify");
          }
        });
    measure(
        algorithm.getName() + " user key sign",
        n,
        () -> {
          Signature s = algorithm.create();
          s.initSigner(null, pair.getPrivate());
          s.update(null, data);
          s.sign(null);
        });
  }

  private static void measure(String name, int n, Operation operation) throws Exception {
    for (int i = 0; i < n; i++) {
      operation.run();
    }
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      operation.run();
    }
    double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n;
    System.out.printf("%-45s %8.1f us CPU%n", name, micros);
  }
}
