package io.github.gatlingssh.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
  @Test
  void bouncyCastleDoesTheHandshakesPublicKeyCrypto() {
    CryptoProviders.preferBouncyCastle();
    assertThat(CryptoProviders.describe()).isEqualTo("X25519 via BC, Ed25519 via BC");
  }

  @Test
  void theDefaultKeyExchangeStaysCurve25519WithBouncyCastlePresent() {
    // BouncyCastle makes MINA's own default sntrup761x25519-sha512 (~8x the client CPU)
    assertThat(ClientSettings.DEFAULT.kexAlgorithms().get(0)).isEqualTo("curve25519-sha256");
    assertThat(ClientSettings.DEFAULT.kexAlgorithms())
        .noneMatch(k -> k.startsWith("sntrup") || k.startsWith("mlkem"));
    assertThat(BuiltinDHFactories.curve25519.isSupported()).isTrue();
  }

  @Test
  void ed25519SignsAndVerifiesFromTheWireEncoding() throws Exception {
    KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    byte[] data = "exchange hash".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signer = BuiltinSignatures.ed25519.create();
    signer.initSigner(null, pair.getPrivate());
    signer.update(null, data);
    byte[] signature = signer.sign(null);
    ByteArrayBuffer wire = new ByteArrayBuffer();
    wire.putPublicKey(pair.getPublic());
    Signature verifier = BuiltinSignatures.ed25519.create();
    verifier.initVerifier(null, new ByteArrayBuffer(wire.getCompactData()).getPublicKey());
    verifier.update(null, data);
    assertThat(verifier.verify(null, signature)).isTrue();
    verifier.initVerifier(null, pair.getPublic());
    verifier.update(
        null, List.of(1, 2).toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(verifier.verify(null, signature)).isFalse();
  }
}
