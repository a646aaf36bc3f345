package io.github.gatlingssh.client.sftp;

import java.util.HexFormat;

/**
 * What a download or an upload did.
 *
 * @param path the remote path
 * @param bytes bytes transferred
 * @param md5 MD5 of every byte downloaded, or null (uploads; sinks without digests)
 * @param sha1 SHA-1 of every byte downloaded, or null
 * @param kept the first bytes downloaded, at most the sink's {@code maxKeep}; empty for uploads
 * @param startEpochMillis when the transfer started (before its OPEN request)
 * @param endEpochMillis when it ended (its CLOSE answered, local file written)
 * @param openNanos from the start to the server's handle
 * @param firstByteNanos from the start to the first data (download) or first acknowledged write
 *     (upload); -1 for an empty file
 * @param totalNanos from the start to the end
 */
public record TransferResult(
    String path,
    long bytes,
    byte[] md5,
    byte[] sha1,
    byte[] kept,
    long startEpochMillis,
    long endEpochMillis,
    long openNanos,
    long firstByteNanos,
    long totalNanos) {

  /** MD5 in lowercase hex, as Gatling's {@code md5()} check gives it, or null. */
  public String md5Hex() {
    return md5 == null ? null : HexFormat.of().formatHex(md5);
  }

  /** SHA-1 in lowercase hex, or null. */
  public String sha1Hex() {
    return sha1 == null ? null : HexFormat.of().formatHex(sha1);
  }

  /** Whether {@link #kept} holds every byte. */
  public boolean keptAll() {
    return kept.length == bytes;
  }

  /** Bytes per second over the whole transfer, open and close included. */
  public double bytesPerSecond() {
    return totalNanos <= 0 ? 0 : bytes * 1e9 / totalNanos;
  }
}
