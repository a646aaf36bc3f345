package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.sftp.SftpRequest;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.client.sftp.WriteMode;

/**
 * An SFTP request of {@link Sftp}: add checks, a timeout, and for uploads the write mode.
 *
 * <pre>{@code
 * sftp("download").download("#{dir}/data.bin")
 *     .check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 *     .timeout(Duration.ofSeconds(30))
 * }</pre>
 *
 * <p>Checks: {@code fileSize()} (stat), {@code fileNames()} (list), {@code transferredBytes()}
 * (transfers), Gatling's {@code bodyLength}, {@code md5}, {@code sha1} (every byte downloaded),
 * {@code bodyBytes}, {@code bodyString}, {@code regex}, {@code substring} (the first
 * maxOutputLength bytes downloaded) and {@code responseTimeInMillis}; another check fails when the
 * simulation is built. Past the timeout, the request is KO ("timeout: ...") and a transfer is
 * stopped (no more requests, its remote file closed); the SFTP channel stays usable.
 */
public final class SftpActionBuilder
    extends SshCheckedActionBuilder<SftpActionBuilder, SftpRequest> {

  SftpActionBuilder(SftpRequest request) {
    super(request, RequestSetters.SFTP, SftpActionBuilder::new, SshActionBuilder::sftp);
  }

  /** An upload writes after the end of an existing remote file, which it creates if missing. */
  public SftpActionBuilder append() {
    return mode(WriteMode.APPEND);
  }

  /** An upload creates the remote file or truncates it first: the default. */
  public SftpActionBuilder overwrite() {
    return mode(WriteMode.OVERWRITE);
  }

  private SftpActionBuilder mode(WriteMode mode) {
    if (request.verb() != SftpVerb.UPLOAD && request.verb() != SftpVerb.UPLOAD_BYTES) {
      throw new IllegalArgumentException(
          "append() and overwrite() apply to upload and uploadBytes, not to "
              + request.verb().label());
    }
    return with(request.withMode(mode));
  }
}
