package io.github.gatlingssh.client.sftp;

/**
 * How transfers are pipelined on an SFTP channel.
 *
 * @param chunkSize bytes asked for by one READ or sent by one WRITE request (OpenSSH: 32 KiB)
 * @param maxRequests READ or WRITE requests in flight per transfer (OpenSSH: 64)
 */
public record SftpSettings(int chunkSize, int maxRequests) {
  /** OpenSSH's {@code sftp} default request size. */
  public static final int DEFAULT_CHUNK_SIZE = 32 * 1024;

  /** OpenSSH's {@code sftp} default number of outstanding requests. */
  public static final int DEFAULT_MAX_REQUESTS = 64;

  /**
   * The largest chunk: OpenSSH's server refuses messages over 256 KiB, and a READ reply carries the
   * data plus a 13-byte header.
   */
  public static final int MAX_CHUNK_SIZE = 255 * 1024;

  /** OpenSSH's defaults: 64 requests of 32 KiB in flight. */
  public static final SftpSettings DEFAULTS =
      new SftpSettings(DEFAULT_CHUNK_SIZE, DEFAULT_MAX_REQUESTS);

  /** Validates the settings, saying how to fix a bad value. */
  public SftpSettings {
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "sftp chunk size must be between 1 and "
              + MAX_CHUNK_SIZE
              + " bytes (OpenSSH's servers refuse larger messages), got "
              + chunkSize);
    }
    if (maxRequests < 1 || maxRequests > 1024) {
      throw new IllegalArgumentException(
          "sftp max requests in flight must be between 1 and 1024, got " + maxRequests);
    }
  }
}
