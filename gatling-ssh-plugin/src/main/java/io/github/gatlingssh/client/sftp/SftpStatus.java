package io.github.gatlingssh.client.sftp;

/**
 * SFTP status codes, by the names the drafts give them. Version 3 defines codes 0 to 8; servers
 * speaking later versions (and some version 3 servers) also send the later ones.
 */
public enum SftpStatus {
  SSH_FX_OK(0, "ok"),
  SSH_FX_EOF(1, "end of file"),
  SSH_FX_NO_SUCH_FILE(2, "no such file"),
  SSH_FX_PERMISSION_DENIED(3, "permission denied"),
  SSH_FX_FAILURE(4, "failure"),
  SSH_FX_BAD_MESSAGE(5, "bad message"),
  SSH_FX_NO_CONNECTION(6, "no connection"),
  SSH_FX_CONNECTION_LOST(7, "connection lost"),
  SSH_FX_OP_UNSUPPORTED(8, "operation unsupported"),
  SSH_FX_INVALID_HANDLE(9, "invalid handle"),
  SSH_FX_NO_SUCH_PATH(10, "no such path"),
  SSH_FX_FILE_ALREADY_EXISTS(11, "file already exists"),
  SSH_FX_WRITE_PROTECT(12, "write protected"),
  SSH_FX_NO_MEDIA(13, "no media"),
  SSH_FX_NO_SPACE_ON_FILESYSTEM(14, "no space on filesystem"),
  SSH_FX_QUOTA_EXCEEDED(15, "quota exceeded"),
  SSH_FX_UNKNOWN_PRINCIPAL(16, "unknown principal"),
  SSH_FX_LOCK_CONFLICT(17, "lock conflict"),
  SSH_FX_DIR_NOT_EMPTY(18, "directory not empty"),
  SSH_FX_NOT_A_DIRECTORY(19, "not a directory"),
  SSH_FX_INVALID_FILENAME(20, "invalid filename"),
  SSH_FX_LINK_LOOP(21, "link loop"),
  /** A code this client does not know; {@link SftpException#statusName()} has the number. */
  UNKNOWN(-1, "unknown status");

  private static final SftpStatus[] BY_CODE = new SftpStatus[22];

  static {
    for (SftpStatus s : values()) {
      if (s.code >= 0) {
        BY_CODE[s.code] = s;
      }
    }
  }

  private final int code;
  private final String text;

  SftpStatus(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The code on the wire, -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The words a failure message uses, e.g. "no such file". */
  public String text() {
    return text;
  }

  /** The status for a wire code; {@link #UNKNOWN} for a code outside the drafts. */
  public static SftpStatus of(long code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : UNKNOWN;
  }
}
