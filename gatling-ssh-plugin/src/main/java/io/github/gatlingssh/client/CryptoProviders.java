package io.github.gatlingssh.client;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which providers do the handshake's public-key crypto: X25519 (curve25519-sha256 key exchange) and
 * Ed25519 (host key verification, user key signature), the bulk of a session's client CPU.
 *
 * <p>MINA SSHD picks providers through its {@code SecurityProviderRegistrar}s ({@link
 * SecurityUtils}): BouncyCastle's when bcprov is on the classpath (then X25519, Ed25519, ECDSA, RSA
 * and digests; AES and HMAC stay the JDK's SunJCE, with its AES-NI intrinsics, through MINA's
 * SunJCEWrapper registrar), net.i2p eddsa's for Ed25519 when that is on the classpath (MINA prefers
 * it to BouncyCastle, for backwards compatibility), else the JDK's (XDH; MINA 2.20 has no Ed25519
 * on the JDK's own provider). The plugin depends on bcprov because it is the cheapest: per
 * operation through MINA's API on JDK 17, BouncyCastle 1.87 against the JDK and net.i2p 0.3.0, a
 * key exchange ~190 us against ~420 us, a host key verification ~80-150 us against ~270-550 us
 * (net.i2p precomputes a table for each decoded key), a user key signature ~30-50 us against ~60
 * us.
 */
final class CryptoProviders {
  private static final Logger LOGGER = LoggerFactory.getLogger(CryptoProviders.class);
  private static final String BOUNCY_CASTLE_CLASS =
      "org.bouncycastle.jce.provider.BouncyCastleProvider";
  private static final String EDDSA_ENABLED =
      "org.apache.sshd.security.provider." + SecurityUtils.EDDSA + ".enabled";
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private CryptoProviders() {}

  /**
   * Keeps net.i2p eddsa (if the simulation's classpath has it) out of MINA's providers when
   * BouncyCastle is there to do Ed25519 at about half its CPU, unless the user chose with {@code
   * -Dorg.apache.sshd.security.provider.EdDSA.enabled}. Only possible before MINA registers its
   * providers (its first crypto use in the JVM); later it changes nothing, and {@link #report()}
   * says which path is in use.
   */
  static void preferBouncyCastle() {
    if (SecurityUtils.isRegistrationCompleted()
        || System.getProperty(EDDSA_ENABLED) != null
        || !bouncyCastlePresent()) {
      return;
    }
    SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.EDDSA, true);
  }

  /** The providers in use, e.g. {@code X25519 via BC, Ed25519 via BC}. */
  static String describe() {
    String x25519;
    try {
      x25519 = SecurityUtils.getKeyAgreement("X25519").getProvider().getName();
    } catch (GeneralSecurityException e) {
      x25519 = "none";
    }
    String ed25519 =
        SecurityUtils.getEdDSASupport()
            .map(s -> s.getClass().getSimpleName())
            .map(
                n ->
                    n.startsWith("NetI2p")
                        ? "net.i2p eddsa"
                        : n.startsWith("BouncyCastle") ? "BC" : n)
            .orElse("none");
    return "X25519 via " + x25519 + ", Ed25519 via " + ed25519;
  }

  /** Logs the providers once per JVM; with a hint when a slower path than BouncyCastle is used. */
  static void report() {
    if (!REPORTED.compareAndSet(false, true)) {
      return;
    }
    String providers = describe();
    if (providers.equals("X25519 via BC, Ed25519 via BC")) {
      LOGGER.debug("SSH handshake crypto: {}", providers);
    } else {
      LOGGER.info(
          "SSH handshake crypto: {}; BouncyCastle (org.bouncycastle:bcprov-jdk18on on the"
              + " classpath, net.i2p eddsa off it) costs the client 2-5x less CPU per handshake",
          providers);
    }
  }

  private static boolean bouncyCastlePresent() {
    try {
      Class.forName(BOUNCY_CASTLE_CLASS, false, CryptoProviders.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
