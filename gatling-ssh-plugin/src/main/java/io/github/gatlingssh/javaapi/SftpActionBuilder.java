package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.sftp.SftpRequest;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.check.SftpChecks;
import io.github.gatlingssh.client.sftp.WriteMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An SFTP request of {@link Sftp}: add checks, a timeout, and for uploads the write mode.
 *
 * <pre>{@code
 * sftp("download").download("#{dir}/data.bin")
 *     .check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 *     .timeout(Duration.ofSeconds(30))
 * }</pre>
 */
public final class SftpActionBuilder implements ActionBuilder {
  private final SftpRequest request;

  SftpActionBuilder(SftpRequest request) {
    this.request = request;
  }

  /**
   * Checks on the result: {@code fileSize()} (stat), {@code fileNames()} (list), {@code
   * transferredBytes()} (transfers), Gatling's {@code bodyLength}, {@code md5}, {@code sha1} (every
   * byte downloaded), {@code bodyBytes}, {@code bodyString}, {@code regex}, {@code substring} (the
   * first maxOutputLength bytes downloaded) and {@code responseTimeInMillis}. An unsupported check
   * fails when the simulation is built.
   */
  public SftpActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  /** {@link #check(CheckBuilder...)} with a list. */
  public SftpActionBuilder check(List<CheckBuilder> checks) {
    SftpChecks.toScalaChecks(checks, StandardCharsets.UTF_8); // fails now on an unsupported check
    return new SftpActionBuilder(request.withBase(request.base().withChecks(checks)));
  }

  /**
   * After this, the request is KO ("timeout: ...") and a transfer is stopped (no more requests, its
   * remote file closed); the SFTP channel stays usable. Default: the protocol's requestTimeout.
   */
  public SftpActionBuilder timeout(Duration timeout) {
    return new SftpActionBuilder(
        request.withBase(request.base().withTimeout(Timeouts.positive(timeout))));
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
    return new SftpActionBuilder(request.withMode(mode));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.sftp(request);
  }
}
