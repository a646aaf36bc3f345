package io.github.gatlingssh.action.sftp;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.client.Deadline;
import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.SftpException;
import io.github.gatlingssh.protocol.SshComponents;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Every SFTP request: on the user's SFTP channel (opened by its first SFTP request, then shared),
 * sends one request or runs one pipelined transfer, bounded by the request's timeout, then runs the
 * checks on the user's event loop. A timed-out transfer is stopped (no more requests, its remote
 * handle closed) and the channel stays usable for the next request.
 */
public final class SftpAction extends TransferAction<SftpRequest> {

  /** Builds the action of one SFTP request in a scenario. */
  public SftpAction(
      SftpRequest request, SshComponents components, ScenarioContext ctx, Action next) {
    super("sftp", request, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String requestName) {
    Validation<String> path = request.path().resolve(session);
    if (failed(path)) {
      return propagate(path);
    }
    Validation<String> other = resolve(request.other(), session);
    if (failed(other)) {
      return propagate(other);
    }
    Validation<byte[]> bytes = resolve(request.bytes(), session);
    if (failed(bytes)) {
      return propagate(bytes);
    }
    DownloadSink sink = checks.memorySink();
    if (request.verb() == SftpVerb.DOWNLOAD_TO_FILE) {
      Validation<Path> local = localPath(value(other));
      if (failed(local)) {
        return propagate(local);
      }
      sink = checks.fileSink(value(local));
    }
    SftpOperation op =
        new SftpOperation(
            request.verb(), value(path), value(other), value(bytes), request.mode(), sink);
    return transferring(
        session,
        requestName,
        SshFailure.Step.SFTP,
        connection -> run(connection, op),
        SftpOperation::response);
  }

  /**
   * Opens or reuses the connection's SFTP channel and sends the operation, within the timeout.
   * Failures come out as {@link SshRequestException}s in SFTP's words ("sftp: no such file: /x").
   */
  private CompletableFuture<Object> run(SshConnection connection, SftpOperation op) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    connection
        .sftp(components.protocol().sftp())
        .whenComplete(
            (channel, openError) -> {
              if (openError != null) {
                result.completeExceptionally(failure(openError));
                return;
              }
              CompletableFuture<?> sent;
              try {
                sent = op.send(channel);
              } catch (RuntimeException e) {
                result.completeExceptionally(failure(e));
                return;
              }
              // the deadline completes `result`: pass that on to the engine's future, which stops a
              // transfer
              result.whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      sent.completeExceptionally(e);
                    }
                  });
              sent.whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      result.completeExceptionally(failure(e));
                    } else {
                      result.complete(v);
                    }
                  });
            });
    return Deadline.bound(
        result,
        timeout,
        connection.timer(),
        () ->
            result.completeExceptionally(
                new SshRequestException(
                    new SshFailure(
                        SshFailure.Step.TIMEOUT,
                        "sftp "
                            + op.describe()
                            + " not done within "
                            + Durations.format(timeout)
                            + (op.verb().transfers() ? "; transfer aborted" : "")))));
  }

  /**
   * The KO of an SFTP failure: "sftp: no such file: /x/y", "connection lost: ...", "channel open:
   * ...".
   */
  private static SshRequestException failure(Throwable t) {
    Throwable c = t;
    while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof SshRequestException e) {
      return e;
    }
    if (c instanceof SftpException e) {
      for (SshFailure.Step step : SshFailure.Step.values()) {
        if (step.label().equals(e.step())) {
          return new SshRequestException(new SshFailure(step, e.detail()));
        }
      }
      return new SshRequestException(new SshFailure(SshFailure.Step.SFTP, e.getMessage()));
    }
    return new SshRequestException(SshRequestException.unwrap(c, SshFailure.Step.SFTP));
  }
}
