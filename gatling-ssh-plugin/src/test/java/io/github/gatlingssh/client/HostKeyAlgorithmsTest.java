package io.github.gatlingssh.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.signature.Signature;
import org.junit.jupiter.api.Test;

class HostKeyAlgorithmsTest {
  private static final List<NamedFactory<Signature>> MINA_DEFAULTS =
      SshClient.setUpDefaultClient().getSignatureFactories();

  @Test
  void ed25519ComesBeforeEcdsaAndRsaAsInOpenSsh() {
    List<String> names = NamedResource.getNameList(HostKeyAlgorithms.openSshOrder(MINA_DEFAULTS));
    assertThat(names.indexOf("ssh-ed25519")).isLessThan(names.indexOf("ecdsa-sha2-nistp256"));
    assertThat(names.indexOf("ecdsa-sha2-nistp256")).isLessThan(names.indexOf("rsa-sha2-512"));
  }

  @Test
  void knownKeyTypesMoveToTheFrontRsaCoveringItsSha2Signatures() {
    List<String> names =
        NamedResource.getNameList(
            HostKeyAlgorithms.preferring(
                HostKeyAlgorithms.openSshOrder(MINA_DEFAULTS), List.of("ssh-rsa")));
    assertThat(names.subList(0, 3))
        .containsExactlyInAnyOrder("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    assertThat(names).contains("ssh-ed25519");
  }
}
