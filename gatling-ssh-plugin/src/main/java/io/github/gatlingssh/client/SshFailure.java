package io.github.gatlingssh.client;

import java.util.Locale;

/**
 * What went wrong with an SSH request, and where: the client reports failures as values; the action
 * turns them into one KO message.
 *
 * @param step where the request failed
 * @param detail what happened, without any credential
 */
public record SshFailure(Step step, String detail) {

  /** The stages of an SSH request, named as SSH and its users name them (in lower case words). */
  public enum Step {
    CONNECT,
    KEX,
    HOST_KEY,
    AUTH,
    CHANNEL_OPEN,
    EXEC,
    SHELL,
    TUNNEL,
    EXPECT,
    SFTP,
    SCP,
    TIMEOUT,
    CONNECTION_LOST,
    NOT_CONNECTED,
    DISCONNECT;

    // the name in words, computed once: every KO message starts with it
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', ' ');

    /** The step as KO messages name it, e.g. "channel open". */
    public String label() {
      return label;
    }
  }

  /**
   * The KO message: the step, then the detail, e.g. {@code "auth: server accepted none of
   * [password]"}.
   */
  public String message() {
    return step.label + ": " + detail;
  }

  @Override
  public String toString() {
    return message();
  }
}
