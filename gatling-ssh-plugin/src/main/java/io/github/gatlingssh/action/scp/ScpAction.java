package io.github.gatlingssh.action.scp;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.action.sftp.TransferChecks;
import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.scp.ScpTransfer;
import io.github.gatlingssh.client.sftp.TransferResult;
import io.github.gatlingssh.client.sftp.UploadSource;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every SCP request: one transfer on an exec channel of its own ({@code scp -t} or {@code scp -f})
 * on the user's connection, bounded by the request's timeout, then the checks on the user's event
 * loop. Downloads share SFTP's sink and checks ({@code bodyLength}, {@code md5}, {@code sha1} over
 * every byte; {@code bodyBytes}, {@code bodyString}, {@code regex} over the kept ones), and
 * transfers that succeed count in the same end-of-run summary.
 */
public final class ScpAction extends SshAction {
  private final ScpRequest request;
  private final Duration timeout;
  private final TransferChecks checks;

  /** Builds the action of one SCP request in a scenario. */
  public ScpAction(ScpRequest request, SshComponents components, ScenarioContext ctx, Action next) {
    super("scp" + request.verb().label(), request.base().requestName(), components, ctx, next);
    this.request = request;
    this.timeout = requestTimeout(request.base());
    this.checks = new TransferChecks(request.base().checks(), components.protocol().output(), ctx);
  }

  /** Gatling's side of an SCP DSL builder: the action, with the protocol's components. */
  public static io.gatling.core.action.builder.ActionBuilder builder(ScpRequest request) {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        return new ScpAction(
            request, ctx.protocolComponentsRegistry().components(SshProtocol.KEY), ctx, next);
      }
    };
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String requestName) {
    Validation<String> remote = request.remote().resolve(session);
    if (failed(remote)) {
      return propagate(remote);
    }
    Validation<String> local = resolve(request.local(), session);
    if (failed(local)) {
      return propagate(local);
    }
    Validation<byte[]> bytes = resolve(request.bytes(), session);
    if (failed(bytes)) {
      return propagate(bytes);
    }
    String path = value(remote);
    String localPath = value(local);
    byte[] content = value(bytes);
    return success(
        () -> {
          long start = now();
          SshConnection connection =
              openConnection(session, requestName, start, request.base().connectionName());
          if (connection != null) {
            // opens the local file, if any (open(2), fstat(2): no data I/O), on this thread
            ScpTransfer transfer = start(connection, path, localPath, content);
            whenDone(
                session,
                transfer.result(timeout),
                SshFailure.Step.SCP,
                (result, failure, end) ->
                    finish(session, requestName, start, end, result, failure));
          }
        });
  }

  private ScpTransfer start(SshConnection connection, String path, String local, byte[] content) {
    return switch (request.verb()) {
      case UPLOAD -> connection.scpUpload(UploadSource.ofFile(Path.of(local)), path);
      case UPLOAD_BYTES -> connection.scpUpload(UploadSource.ofBytes(content), path);
      case DOWNLOAD -> connection.scpDownload(path, checks.memorySink());
      case DOWNLOAD_TO_FILE -> connection.scpDownload(path, checks.fileSink(Path.of(local)));
    };
  }

  private void finish(
      Session session,
      String requestName,
      long start,
      long end,
      TransferResult result,
      SshFailure failure) {
    if (failure != null) {
      done(session, requestName, start, end, failure);
      return;
    }
    TransferChecks.Outcome checked =
        checks.check(requestName, new SftpResponse(result, null, null, start, end), session);
    done(checked.session(), requestName, start, end, checked.failure());
  }

  private static <T> Validation<T> resolve(Param<T> param, Session session) {
    return param == null ? success(null) : param.resolve(session);
  }
}
