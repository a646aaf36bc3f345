package io.github.gatlingssh.client.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.client.SshFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsPolicyTest {
  private static PublicKey serverKey;
  private static PublicKey otherKey;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    KeyPair a = ec.generateKeyPair();
    KeyPair b = ec.generateKeyPair();
    serverKey = a.getPublic();
    otherKey = b.getPublic();
  }

  private static String line(String hosts, PublicKey key) {
    return hosts + " " + PublicKeyEntry.toString(key) + "\n";
  }

  /** OpenSSH's HashKnownHosts form: |1|base64(salt)|base64(HMAC-SHA1(salt, host)). */
  private static String hashed(String host) throws Exception {
    byte[] salt = new byte[20];
    new SecureRandom().nextBytes(salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] digest = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(digest);
  }

  private KnownHostsPolicy policy(String content) throws Exception {
    return KnownHostsPolicy.load(Files.writeString(dir.resolve("known_hosts"), content));
  }

  @Test
  void aPlainEntryOnTheDefaultPortMatches() throws Exception {
    assertThat(policy(line("server.example", serverKey)).verify("server.example", 22, serverKey))
        .isNull();
  }

  @Test
  void aBracketedHostPortEntryMatchesOnlyThatPort() throws Exception {
    KnownHostsPolicy p = policy(line("[127.0.0.1]:2222", serverKey));
    assertThat(p.verify("127.0.0.1", 2222, serverKey)).isNull();
    assertThat(p.verify("127.0.0.1", 22, serverKey)).isNotNull();
    assertThat(p.verify("127.0.0.1", 2223, serverKey)).isNotNull();
  }

  @Test
  void hashedEntriesMatch() throws Exception {
    KnownHostsPolicy p =
        policy(line(hashed("[127.0.0.1]:2222"), serverKey) + line(hashed("db.example"), serverKey));
    assertThat(p.verify("127.0.0.1", 2222, serverKey)).isNull();
    assertThat(p.verify("db.example", 22, serverKey)).isNull();
    assertThat(p.verify("other.example", 22, serverKey)).isNotNull();
  }

  @Test
  void anUnknownHostNamesTheHostTheFingerprintAndTheFixes() throws Exception {
    SshFailure f = policy(line("other.example", otherKey)).verify("127.0.0.1", 2222, serverKey);
    assertThat(f.step()).isEqualTo(SshFailure.Step.HOST_KEY);
    assertThat(f.message())
        .startsWith(
            "host key: unknown host [127.0.0.1]:2222, ecdsa-sha2-nistp256 "
                + KeyUtils.getFingerPrint(serverKey))
        .contains("known_hosts", "hostKeyFingerprint", "acceptAnyHostKey()")
        .hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void aChangedKeyIsReportedAsChanged() throws Exception {
    SshFailure f = policy(line("[127.0.0.1]:2222", otherKey)).verify("127.0.0.1", 2222, serverKey);
    assertThat(f.message())
        .startsWith("host key: HOST KEY CHANGED for [127.0.0.1]:2222")
        .contains(KeyUtils.getFingerPrint(serverKey))
        .contains("ssh-keygen -R");
  }

  @Test
  void aRevokedKeyIsRejectedEvenWhenListed() throws Exception {
    KnownHostsPolicy p =
        policy(
            line("[127.0.0.1]:2222", serverKey)
                + "@revoked "
                + line("[127.0.0.1]:2222", serverKey));
    assertThat(p.verify("127.0.0.1", 2222, serverKey).message()).contains("@revoked");
  }

  @Test
  void aMissingFileMakesEveryHostUnknown() throws Exception {
    KnownHostsPolicy p = KnownHostsPolicy.load(dir.resolve("absent"));
    assertThat(p.verify("127.0.0.1", 22, serverKey).message())
        .startsWith("host key: unknown host 127.0.0.1,");
  }

  @Test
  void theKnownKeyTypesOfAHostAreOfferedFirst() throws Exception {
    KnownHostsPolicy p = policy(line("[127.0.0.1]:2222", serverKey));
    assertThat(p.knownKeyTypes("127.0.0.1", 2222)).containsExactly("ecdsa-sha2-nistp256");
    assertThat(p.knownKeyTypes("127.0.0.1", 2223)).isEmpty();
  }

  @Test
  void pinnedFingerprintsAcceptOnlyThatKey() {
    FingerprintPolicy p =
        new FingerprintPolicy(java.util.List.of(KeyUtils.getFingerPrint(serverKey)));
    assertThat(p.verify("any", 22, serverKey)).isNull();
    assertThat(p.verify("any", 22, otherKey).message())
        .startsWith("host key: host key of any, ecdsa-sha2-nistp256")
        .contains("matches no pinned hostKeyFingerprint");
  }
}
