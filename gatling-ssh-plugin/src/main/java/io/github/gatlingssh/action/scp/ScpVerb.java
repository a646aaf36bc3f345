package io.github.gatlingssh.action.scp;

/** What an SCP request does; the label is the one KO messages and timeouts use. */
public enum ScpVerb {
  /** A local file to a remote path ({@code scp -t}). */
  UPLOAD("upload"),
  /** Bytes made from the session to a remote path ({@code scp -t}). */
  UPLOAD_BYTES("upload"),
  /** A remote file read to its end, for checks ({@code scp -f}). */
  DOWNLOAD("download"),
  /** A remote file into a local file ({@code scp -f}). */
  DOWNLOAD_TO_FILE("download");

  private final String label;

  ScpVerb(String label) {
    this.label = label;
  }

  /** The verb as messages name it, e.g. "download". */
  public String label() {
    return label;
  }

  /** Whether the request reads a remote file. */
  public boolean downloads() {
    return this == DOWNLOAD || this == DOWNLOAD_TO_FILE;
  }
}
