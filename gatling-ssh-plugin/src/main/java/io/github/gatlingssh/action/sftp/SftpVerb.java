package io.github.gatlingssh.action.sftp;

/**
 * What an SFTP request does; the name is the one KO messages and timeouts use. SCP requests use the
 * transfer verbs (uploads, downloads).
 */
public enum SftpVerb {
  MKDIR("mkdir"),
  RMDIR("rmdir"),
  REMOVE("remove"),
  RENAME("rename"),
  STAT("stat"),
  LIST("list"),
  UPLOAD("upload"),
  UPLOAD_BYTES("upload"),
  DOWNLOAD("download"),
  DOWNLOAD_TO_FILE("download");

  private final String label;

  SftpVerb(String label) {
    this.label = label;
  }

  /** The verb as messages name it, e.g. "download". */
  public String label() {
    return label;
  }

  /** Whether the request moves file data (and so a byte count). */
  public boolean transfers() {
    return this == UPLOAD || this == UPLOAD_BYTES || this == DOWNLOAD || this == DOWNLOAD_TO_FILE;
  }
}
