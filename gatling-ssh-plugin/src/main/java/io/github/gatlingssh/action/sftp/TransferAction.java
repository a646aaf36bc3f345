package io.github.gatlingssh.action.sftp;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.time.Duration;

/**
 * The base of the file transfer actions (SFTP, SCP): the request's timeout, its {@link
 * TransferChecks}, and the end of a request: KO with the failure, or the checks on what the
 * transfer did, then the log.
 */
public abstract class TransferAction extends SshAction {
  /** The request's own timeout, or the protocol's requestTimeout. */
  protected final Duration timeout;

  /** The request's checks, and the download sinks they need. */
  protected final TransferChecks checks;

  /** Makes a transfer action once the run's SSH components are known. */
  @FunctionalInterface
  public interface Factory {
    /** The action of one request in a scenario. */
    Action create(SshComponents components, ScenarioContext ctx, Action next);
  }

  /**
   * @param kind the action's kind, e.g. "sftpdownload"
   * @param base the request's name, connection, checks and timeout
   */
  protected TransferAction(
      String kind, SshAttributes base, SshComponents components, ScenarioContext ctx, Action next) {
    super(kind, base.requestName(), components, ctx, next);
    this.timeout = requestTimeout(base);
    this.checks = new TransferChecks(base.checks(), components.protocol().output(), ctx);
  }

  /** Gatling's side of a transfer DSL builder: the action, with the protocol's components. */
  public static io.gatling.core.action.builder.ActionBuilder builder(Factory factory) {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        return factory.create(
            ctx.protocolComponentsRegistry().components(SshProtocol.KEY), ctx, next);
      }
    };
  }

  /**
   * Logs the request, on the user's event loop: KO with {@code failure}, else after the checks on
   * {@code response}.
   */
  protected final void finish(
      Session session,
      String requestName,
      long start,
      long end,
      SftpResponse response,
      SshFailure failure) {
    if (failure != null) {
      done(session, requestName, start, end, failure);
      return;
    }
    checks.count(requestName, response);
    doneChecked(session, requestName, start, end, checks.checks(), response, null);
  }

  /** The user's value of an optional parameter (null when the request has none). */
  protected static <T> Validation<T> resolve(Param<T> param, Session session) {
    return param == null ? success(null) : param.resolve(session);
  }
}
