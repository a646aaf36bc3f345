package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.check.SftpCheckType;
import io.github.gatlingssh.check.SftpChecks;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An SCP request of {@link Scp}: add checks and a timeout.
 *
 * <pre>{@code
 * scp("scp down").download("#{dir}/scp.bin")
 *     .check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 *     .timeout(Duration.ofSeconds(30))
 * }</pre>
 *
 * <p>Checks: {@code transferredBytes()}, Gatling's {@code bodyLength}, {@code md5}, {@code sha1}
 * (every byte downloaded), {@code bodyBytes}, {@code bodyString}, {@code regex}, {@code substring}
 * (the first maxOutputLength bytes downloaded) and {@code responseTimeInMillis}; another check
 * fails when the simulation is built. Past the timeout, the request is KO ("timeout: scp download
 * of x not done within 5 s; channel closed") and the transfer's channel is closed; the connection
 * stays usable.
 */
public final class ScpActionBuilder extends SshCheckedActionBuilder<ScpActionBuilder, ScpRequest> {

  ScpActionBuilder(ScpRequest request) {
    super(request, RequestSetters.SCP, ScpActionBuilder::new, SshActionBuilder::scp);
  }

  /** Fails, naming the checks SCP supports, on a check it does not. */
  static void refuseUnsupported(List<CheckBuilder> checks) {
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
    SftpChecks.toScalaChecks(checks, StandardCharsets.UTF_8, "SCP");
  }
}
