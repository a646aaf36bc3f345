package io.github.gatlingssh.client;

import java.util.List;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Answers keyboard-interactive prompts from answers resolved before connecting, so nothing is
 * computed nor awaited on MINA's I/O thread that asks. Each prompt gets the answer of the first
 * pattern that finds it; a prompt no pattern finds makes the client give up the method (MINA then
 * tries the next one), so authentication fails rather than sending a wrong secret.
 */
final class PromptAnswers implements UserInteraction {
  private final List<PromptAnswer> answers;

  PromptAnswers(List<PromptAnswer> answers) {
    this.answers = List.copyOf(answers);
  }

  @Override
  public String[] interactive(
      ClientSession session,
      String name,
      String instruction,
      String lang,
      String[] prompts,
      boolean[] echo) {
    String[] replies = new String[prompts.length];
    for (int i = 0; i < prompts.length; i++) {
      String prompt = prompts[i];
      replies[i] =
          answers.stream()
              .filter(a -> a.prompt().matcher(prompt).find())
              .map(PromptAnswer::answer)
              .findFirst()
              .orElse(null);
      if (replies[i] == null) {
        return null;
      }
    }
    return replies;
  }

  @Override
  public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
    return null; // a password change is not something a load test should do
  }
}
