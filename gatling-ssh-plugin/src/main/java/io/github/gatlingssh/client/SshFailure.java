package io.github.gatlingssh.client;

/**
 * What went wrong with an SSH request, and where: the client reports failures as values; the action
 * turns them into one KO message.
 *
 * @param step where the request failed
 * @param detail what happened, without any credential
 */
public record SshFailure(Step step, String detail) {

  /** The stages of an SSH request, named as SSH and its users name them. */
  public enum Step {
    CONNECT("connect"),
    KEX("kex"),
    HOST_KEY("host key"),
    AUTH("auth"),
    CHANNEL_OPEN("channel open"),
    EXEC("exec"),
    SHELL("shell"),
    TUNNEL("tunnel"),
    EXPECT("expect"),
    SFTP("sftp"),
    SCP("scp"),
    TIMEOUT("timeout"),
    CONNECTION_LOST("connection lost"),
    NOT_CONNECTED("not connected"),
    DISCONNECT("disconnect");

    private final String label;

    Step(String label) {
      this.label = label;
    }

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
