package io.github.gatlingssh.action.sftp;

import static io.github.gatlingssh.internal.Validations.failure;
import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshComponents;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The base of the file transfer actions (SFTP, SCP): the request, its timeout, its {@link
 * TransferChecks}, and the run of a request: on the user's open connection, the transfer, then KO
 * with its failure, or the checks on what it did, then the log.
 *
 * @param <R> the request's attributes, as the DSL built them
 */
public abstract class TransferAction<R extends TransferRequest> extends SshAction {
  /** The request's attributes, as the DSL built them. */
  protected final R request;

  /** The request's own timeout, or the protocol's requestTimeout. */
  protected final Duration timeout;

  /** The request's checks, and the download sinks they need. */
  protected final TransferChecks checks;

  /** What the checks see of a transfer's value. */
  @FunctionalInterface
  protected interface ResponseOf<T> {
    /** The response to {@code value}, for a request from {@code start} to {@code end}. */
    SftpResponse of(T value, long start, long end);
  }

  /**
   * @param protocol "sftp" or "scp": the action is named after it and the verb, e.g. "sftpdownload"
   */
  protected TransferAction(
      String protocol, R request, SshComponents components, ScenarioContext ctx, Action next) {
    super(protocol + request.verb().label(), request.base().requestName(), components, ctx, next);
    this.request = request;
    this.timeout = requestTimeout(request.base());
    this.checks = new TransferChecks(request.base().checks(), components.protocol().output(), ctx);
  }

  /**
   * The request, once its attributes are resolved: when sent, on the user's open connection (else
   * KO "not connected"), starts the transfer with {@code transfer} and, on the user's event loop
   * when it completes, ends the request: KO with its failure ({@code step} names an unexpected
   * one), else counts it in the summary and runs the checks on its response.
   */
  protected final <T> Validation<Runnable> transferring(
      Session session,
      String requestName,
      SshFailure.Step step,
      Function<SshConnection, CompletableFuture<T>> transfer,
      ResponseOf<T> responseOf) {
    return success(
        () -> {
          long start = now();
          SshConnection connection =
              openConnection(session, requestName, start, request.base().connectionName());
          if (connection == null) {
            return;
          }
          whenDone(
              session,
              transfer.apply(connection),
              step,
              (value, failure, end) -> {
                SftpResponse response = failure == null ? responseOf.of(value, start, end) : null;
                if (response != null) {
                  checks.count(requestName, response);
                }
                doneChecked(session, requestName, start, end, failure, checks.checks(), response);
              });
        });
  }

  /**
   * The local file {@code path} names (null for none), or a failure naming it when it is not a path
   * of this file system: the request is then KO before it is sent.
   */
  protected static Validation<Path> localPath(String path) {
    if (path == null) {
      return success(null);
    }
    try {
      return success(Path.of(path));
    } catch (InvalidPathException e) {
      return failure("invalid local path " + path + ": " + e.getReason());
    }
  }

  /** The user's value of an optional parameter (null when the request has none). */
  protected static <T> Validation<T> resolve(Param<T> param, Session session) {
    return param == null ? success(null) : param.resolve(session);
  }
}
