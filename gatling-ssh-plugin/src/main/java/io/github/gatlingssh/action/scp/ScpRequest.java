package io.github.gatlingssh.action.scp;

import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.action.sftp.TransferRequest;
import io.github.gatlingssh.protocol.Param;

/**
 * The immutable attributes of one SCP request, as the DSL built them.
 *
 * @param base request name, connection name, checks and timeout (null = the protocol's
 *     requestTimeout)
 * @param verb what the request does: one of SFTP's transfer verbs
 * @param remote the remote path
 * @param local the local file of an upload or of a download to a file, else null
 * @param bytes the bytes of an upload of bytes, else null
 */
public record ScpRequest(
    SshAttributes base,
    SftpVerb verb,
    Param<String> remote,
    Param<String> local,
    Param<byte[]> bytes)
    implements TransferRequest {

  /** Only transfers: SCP has no mkdir, stat, list... */
  public ScpRequest {
    if (!verb.transfers()) {
      throw new IllegalArgumentException("SCP has no " + verb.label() + ", only transfers");
    }
  }

  /** A request of {@code verb} on {@code remote}, with the local file {@code local} (or null). */
  public static ScpRequest of(
      SshAttributes base, SftpVerb verb, Param<String> remote, Param<String> local) {
    return new ScpRequest(base, verb, remote, local, null);
  }

  /** An upload of the bytes {@code bytes} makes from the session to {@code remote}. */
  public static ScpRequest ofBytes(SshAttributes base, Param<String> remote, Param<byte[]> bytes) {
    return new ScpRequest(base, SftpVerb.UPLOAD_BYTES, remote, null, bytes);
  }

  /** A copy with these base attributes (checks, timeout, connection name). */
  public ScpRequest withBase(SshAttributes value) {
    return new ScpRequest(value, verb, remote, local, bytes);
  }
}
