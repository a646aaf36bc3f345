package io.github.gatlingssh.client.sftp;

/**
 * An SFTP request that failed, as a value: the step ({@value #SFTP}, {@value #CONNECTION_LOST}, or
 * whatever the caller gave when it aborted the channel, e.g. "timeout"), the SFTP status when the
 * server answered with one, the path concerned, and a message such as {@code "sftp: no such file:
 * /x/y"}. No stack trace is captured: these are expected outcomes of a load test.
 */
public final class SftpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The step of failures of the SFTP protocol itself and of the server's answers. */
  public static final String SFTP = "sftp";

  /** The step when the channel or the connection closed under a pending request. */
  public static final String CONNECTION_LOST = "connection lost";

  private final String step;
  private final SftpStatus status;
  private final long statusCode;
  private final String path;
  private final String detail;

  SftpException(String step, SftpStatus status, long statusCode, String path, String detail) {
    super(step + ": " + detail, null, false, false);
    this.step = step;
    this.status = status;
    this.statusCode = statusCode;
    this.path = path;
    this.detail = detail;
  }

  /** A failure that is not a server status: {@code step + ": " + detail}. */
  public static SftpException of(String step, String path, String detail) {
    return new SftpException(step, null, -1, path, detail);
  }

  /**
   * The server answered {@code path}'s request with a failure status: "sftp: no such file: /x". The
   * server's own message is added for the generic codes, where it is the only explanation.
   */
  static SftpException status(long code, String serverMessage, String path) {
    SftpStatus s = SftpStatus.of(code);
    StringBuilder d = new StringBuilder(s == SftpStatus.UNKNOWN ? "status " + code : s.text());
    if (path != null) {
      d.append(": ").append(path);
    }
    boolean generic =
        s == SftpStatus.SSH_FX_FAILURE
            || s == SftpStatus.SSH_FX_BAD_MESSAGE
            || s == SftpStatus.SSH_FX_OP_UNSUPPORTED
            || s == SftpStatus.UNKNOWN;
    if (generic && serverMessage != null && !serverMessage.isBlank()) {
      d.append(" (server: ").append(serverMessage.strip()).append(')');
    }
    return new SftpException(SFTP, s, code, path, d.toString());
  }

  /** The SftpException behind a future's failure, or one describing another exception. */
  static SftpException from(Throwable t) {
    Throwable c = t;
    while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c instanceof SftpException e ? e : of(SFTP, null, SftpTransport.describe(c));
  }

  /** Where it failed: {@value #SFTP}, {@value #CONNECTION_LOST}, or the step an abort gave. */
  public String step() {
    return step;
  }

  /** The server's status, or null when the failure is not a status reply. */
  public SftpStatus status() {
    return status;
  }

  /** The status code by name, e.g. {@code "SSH_FX_NO_SUCH_FILE"}, or null without a status. */
  public String statusName() {
    return status == null
        ? null
        : status == SftpStatus.UNKNOWN ? "SSH_FX_" + statusCode : status.name();
  }

  /** The remote (or local) path concerned, or null. */
  public String path() {
    return path;
  }

  /** The message without the step, e.g. {@code "no such file: /x/y"}. */
  public String detail() {
    return detail;
  }
}
