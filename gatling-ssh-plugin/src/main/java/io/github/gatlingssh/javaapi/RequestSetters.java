package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CheckBuilder;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.action.sftp.SftpRequest;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.check.SftpChecks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How {@link SshRequestActionBuilder} sets the timeout and the checks on each kind of request: they
 * live in the action's own record of it (SSH, shell and tunnel attributes; SFTP and SCP requests
 * carry SSH attributes as their base).
 *
 * @param timeout the request with this timeout
 * @param checks the request with these checks after its own; fails now on an unsupported one
 */
record RequestSetters<W>(
    BiFunction<W, Duration, W> timeout, BiFunction<W, List<CheckBuilder>, W> checks) {

  static final RequestSetters<SshAttributes> SSH =
      new RequestSetters<>(SshAttributes::withTimeout, SshAttributes::withChecks);

  static final RequestSetters<StreamAttributes> STREAM =
      new RequestSetters<>(StreamAttributes::withTimeout, StreamAttributes::withChecks);

  static final RequestSetters<SftpRequest> SFTP =
      onBase(
          SftpRequest::base,
          SftpRequest::withBase,
          checks -> SftpChecks.toScalaChecks(checks, StandardCharsets.UTF_8));

  static final RequestSetters<ScpRequest> SCP =
      onBase(ScpRequest::base, ScpRequest::withBase, ScpActionBuilder::refuseUnsupported);

  /**
   * The setters of a request whose timeout and checks are in its base attributes.
   *
   * @param supported throws, saying which checks the request takes, on an unsupported one
   */
  private static <W> RequestSetters<W> onBase(
      Function<W, SshAttributes> base,
      BiFunction<W, SshAttributes, W> withBase,
      Consumer<List<CheckBuilder>> supported) {
    return new RequestSetters<>(
        (w, t) -> withBase.apply(w, base.apply(w).withTimeout(t)),
        (w, checks) -> {
          supported.accept(checks);
          return withBase.apply(w, base.apply(w).withChecks(checks));
        });
  }
}
