package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.check.SftpCheckType;
import io.github.gatlingssh.check.SftpChecks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An SCP request of {@link Scp}: add checks and a timeout.
 *
 * <pre>{@code
 * scp("scp down").download("#{dir}/scp.bin")
 *     .check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 *     .timeout(Duration.ofSeconds(30))
 * }</pre>
 */
public final class ScpActionBuilder implements ActionBuilder {
  private final ScpRequest request;

  ScpActionBuilder(ScpRequest request) {
    this.request = request;
  }

  /**
   * Checks on the transfer: {@code transferredBytes()}, Gatling's {@code bodyLength}, {@code md5},
   * {@code sha1} (every byte downloaded), {@code bodyBytes}, {@code bodyString}, {@code regex},
   * {@code substring} (the first maxOutputLength bytes downloaded) and {@code
   * responseTimeInMillis}. An unsupported check fails when the simulation is built.
   */
  public ScpActionBuilder check(CheckBuilder... checks) {
    return check(Arrays.asList(checks));
  }

  /** {@link #check(CheckBuilder...)} with a list. */
  public ScpActionBuilder check(List<CheckBuilder> checks) {
    for (CheckBuilder c : checks) {
      if (c.type() == SftpCheckType.FileSize || c.type() == SftpCheckType.FileNames) {
        throw new IllegalArgumentException(
            "SCP requests don't support "
                + c.type()
                + " checks (SFTP's stat and list have them); use transferredBytes(), or"
                + " Gatling's bodyLength, md5, sha1, bodyBytes, bodyString, regex, substring"
                + " (downloads) and responseTimeInMillis");
      }
    }
    // fails now on an unsupported check
    SftpChecks.toScalaChecks(checks, StandardCharsets.UTF_8, "SCP");
    return new ScpActionBuilder(request.withBase(request.base().withChecks(checks)));
  }

  /**
   * After this, the request is KO ("timeout: scp download of x not done within 5 s; channel
   * closed") and the transfer's channel is closed; the connection stays usable. Default: the
   * protocol's requestTimeout.
   */
  public ScpActionBuilder timeout(Duration timeout) {
    return new ScpActionBuilder(
        request.withBase(request.base().withTimeout(Timeouts.positive(timeout))));
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return SshActionBuilder.scp(request);
  }
}
