package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ClassServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.session.ServerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * keyboardInteractive(..): two prompts (a password, then a one-time code from a feeder) on the
 * embedded server.
 */
class KeyboardInteractiveTest {
  private static final String PASSWORD = "kbd-s3cret";
  private static final Set<String> CODES = Set.of("111111", "222222", "333333");

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> SERVER =
      ClassServer.embedded(
          EmbeddedSshServer.builder()
              .customize(
                  sshd -> {
                    sshd.setUserAuthFactories(List.of(UserAuthKeyboardInteractiveFactory.INSTANCE));
                    sshd.setKeyboardInteractiveAuthenticator(new TwoPrompts());
                  }));

  /**
   * Asks for a password and a verification code in one challenge; accepts the password with any
   * known code.
   */
  private static final class TwoPrompts implements KeyboardInteractiveAuthenticator {
    @Override
    public InteractiveChallenge generateChallenge(
        ServerSession session, String username, String lang, String subMethods) {
      InteractiveChallenge challenge = new InteractiveChallenge();
      challenge.setInteractionName("two factors");
      challenge.addPrompt("Password: ", false);
      challenge.addPrompt("Verification code: ", false);
      return challenge;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
      return responses.size() == 2
          && PASSWORD.equals(responses.get(0))
          && CODES.contains(responses.get(1));
    }
  }

  private static SshProtocolBuilder protocol() {
    return ssh.host(SERVER.get().host())
        .port(SERVER.get().port())
        .username(SERVER.get().username())
        .hostKeyFingerprint(SERVER.get().hostKeyFingerprint())
        .keyboardInteractive("(?i)password", PASSWORD)
        .keyboardInteractive("(?i)code", "#{code}");
  }

  @Test
  void twoPromptsAreAnsweredFromTheProtocolAndAFeeder() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("2fa")
                    .feed(
                        listFeeder(
                                List.of(
                                    Map.of("code", "111111"),
                                    Map.of("code", "222222"),
                                    Map.of("code", "333333"),
                                    Map.of("code", "999999")))
                            .circular())
                    .exec(ssh("connect").connect())
                    .exec(ssh("echo").exec("echo in")),
            4,
            protocol());

    assertThat(r.ok("connect")).as(r.summary()).isEqualTo(3);
    assertThat(r.koMessages("connect"))
        .as(r.summary())
        .containsExactly(
            "auth: server accepted none of [keyboard-interactive] for user '"
                + SERVER.get().username()
                + "'");
    assertThat(r.ok("echo")).as(r.summary()).isEqualTo(3);
  }

  @Test
  void aPromptNoRegexFindsFailsAuthenticationAndABadRegexFailsTheBuild() {
    GatlingResult r =
        Runs.atOnce(
            () -> scenario("unanswered").exec(ssh("connect").connect()),
            1,
            ssh.host(SERVER.get().host())
                .port(SERVER.get().port())
                .username(SERVER.get().username())
                .hostKeyFingerprint(SERVER.get().hostKeyFingerprint())
                .keyboardInteractive("(?i)password", PASSWORD));

    assertThat(r.koMessages("connect"))
        .as(r.summary())
        .singleElement()
        .asString()
        .startsWith("auth: ");
    assertThatThrownBy(() -> ssh.keyboardInteractive("(unclosed", "x"))
        .hasMessageContaining("keyboardInteractive: '(unclosed' is not a valid regex");
  }
}
