package io.github.gatlingssh.client.sftp;

/** What an upload does to an existing remote file. */
public enum WriteMode {
  /** Create the file, or truncate it to zero first. */
  OVERWRITE,
  /**
   * Create the file, or write after its current end. The end is read once (FSTAT) when the file is
   * opened; the writes then go at explicit offsets, as OpenSSH's {@code reput} does, so they may be
   * pipelined. Not atomic against another writer appending at the same time.
   */
  APPEND
}
