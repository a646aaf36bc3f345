package io.github.gatlingssh.action.sftp;

import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.client.sftp.WriteMode;
import io.github.gatlingssh.protocol.Param;

/**
 * The immutable attributes of one SFTP request, as the DSL built them.
 *
 * @param base request name, connection name, checks and timeout (null = the protocol's
 *     requestTimeout)
 * @param verb what the request does
 * @param path the remote path (for rename: the old name)
 * @param other rename: the new name; upload: the local file; download to a file: the local file;
 *     else null
 * @param bytes upload of bytes: the bytes; else null
 * @param mode uploads: overwrite or append
 */
public record SftpRequest(
    SshAttributes base,
    SftpVerb verb,
    Param<String> path,
    Param<String> other,
    Param<byte[]> bytes,
    WriteMode mode)
    implements TransferRequest {

  /** A request of {@code verb} on {@code path}. */
  public static SftpRequest of(SshAttributes base, SftpVerb verb, Param<String> path) {
    return new SftpRequest(base, verb, path, null, null, WriteMode.OVERWRITE);
  }

  /** A copy with this second path (rename's new name, the local file of a transfer). */
  public SftpRequest withOther(Param<String> value) {
    return new SftpRequest(base, verb, path, value, bytes, mode);
  }

  /** A copy uploading these bytes. */
  public SftpRequest withBytes(Param<byte[]> value) {
    return new SftpRequest(base, verb, path, other, value, mode);
  }

  /** A copy with this write mode. */
  public SftpRequest withMode(WriteMode value) {
    return new SftpRequest(base, verb, path, other, bytes, value);
  }

  /** A copy with these base attributes (checks, timeout, connection name). */
  public SftpRequest withBase(SshAttributes value) {
    return new SftpRequest(value, verb, path, other, bytes, mode);
  }
}
