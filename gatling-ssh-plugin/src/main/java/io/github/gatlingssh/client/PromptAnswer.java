package io.github.gatlingssh.client;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One keyboard-interactive answer, resolved for one virtual user: given to the first server prompt
 * that {@code prompt} finds (e.g. "Password:", "Verification code:").
 *
 * @param answer a secret: never printed ({@link #toString()} hides it)
 */
public record PromptAnswer(Pattern prompt, String answer) {
  public PromptAnswer {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
  }

  @Override
  public String toString() {
    return "PromptAnswer[" + prompt.pattern() + " -> ***]";
  }
}
