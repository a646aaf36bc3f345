package io.github.gatlingssh.it;

import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SFTP and SCP requests the login user has no right to make, against a private OpenSSH sshd: KO in
 * each protocol's words ("/" belongs to root; the login user is not root, sshd_config:
 * PermitRootLogin no).
 */
class TransferDeniedTest {

  @RegisterExtension static final ClassServer<PrivateSshd> SSHD = ClassServer.openSsh();

  /** A request the server refuses, and the KO message it must end with. */
  private record Refused(String request, ActionBuilder action, String message) {}

  /** The upload to a directory the user cannot write, and one more refusal of the kind's own. */
  private static List<Refused> refusals(TransferKind kind, String denied) {
    ActionBuilder upload = kind.uploadBytes("upload", denied, s -> new byte[10]);
    return switch (kind) {
      case SFTP ->
          List.of(
              new Refused("upload", upload, "sftp: permission denied: " + denied),
              new Refused(
                  "mkdir", sftp("mkdir").mkdir(denied), "sftp: permission denied: " + denied));
      case SCP ->
          List.of(
              new Refused("upload", upload, "scp: " + denied + ": Permission denied"),
              new Refused(
                  "read",
                  scp("read").download("/etc/shadow"),
                  "scp: /etc/shadow: Permission denied"));
    };
  }

  @ParameterizedTest
  @EnumSource(TransferKind.class)
  void aPathTheUserCannotWriteOrReadIsPermissionDenied(TransferKind kind) {
    List<Refused> refusals = refusals(kind, "/gatling-ssh-denied-" + UUID.randomUUID());
    GatlingResult r =
        Runs.atOnce(
            () -> {
              ScenarioBuilder denied = Scenarios.connected("denied");
              for (Refused refused : refusals) {
                denied = denied.exec(refused.action());
              }
              return denied;
            },
            1,
            TestProtocols.forServer(SSHD.get()));

    for (Refused refused : refusals) {
      assertThat(r.koMessages(refused.request()))
          .as("%s: %s", refused.request(), r.summary())
          .containsExactly(refused.message());
    }
  }
}
