package io.github.gatlingssh.check;

import io.github.gatlingssh.client.sftp.FileAttributes;
import io.github.gatlingssh.client.sftp.TransferResult;
import java.util.List;

/**
 * What checks on an SFTP request see: the transfer (uploads, downloads), the attributes (stat) or
 * the names (list), and the request's timings. The parts a verb does not produce are null.
 *
 * @param transfer bytes, digests and kept bytes of a download or an upload, or null
 * @param attributes the attributes {@code stat} read, or null
 * @param names the names {@code list} read (without "." and ".."), or null
 * @param startTimestamp request start, epoch millis (Gatling's clock)
 * @param endTimestamp request end, epoch millis (Gatling's clock)
 */
public record SftpResponse(
    TransferResult transfer,
    FileAttributes attributes,
    List<String> names,
    long startTimestamp,
    long endTimestamp) {

  /** Bytes transferred (0 for requests that transfer no file data). */
  public long bytes() {
    return transfer == null ? 0 : transfer.bytes();
  }
}
