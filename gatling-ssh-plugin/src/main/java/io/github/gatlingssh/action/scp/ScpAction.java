package io.github.gatlingssh.action.scp;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.sftp.TransferAction;
import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.scp.ScpTransfer;
import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.UploadSource;
import io.github.gatlingssh.protocol.SshComponents;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Every SCP request: one transfer on an exec channel of its own ({@code scp -t} or {@code scp -f})
 * on the user's connection, bounded by the request's timeout, then the checks on the user's event
 * loop. Downloads share SFTP's sink and checks ({@code bodyLength}, {@code md5}, {@code sha1} over
 * every byte; {@code bodyBytes}, {@code bodyString}, {@code regex} over the kept ones), and
 * transfers that succeed count in the same end-of-run summary.
 */
public final class ScpAction extends TransferAction<ScpRequest> {

  /** Builds the action of one SCP request in a scenario. */
  public ScpAction(ScpRequest request, SshComponents components, ScenarioContext ctx, Action next) {
    super("scp", request, components, ctx, next);
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String requestName) {
    Validation<String> remote = request.remote().resolve(session);
    Validation<String> localName = resolve(request.local(), session);
    Validation<Path> local = failed(localName) ? propagate(localName) : localPath(value(localName));
    Validation<byte[]> bytes = resolve(request.bytes(), session);
    for (Validation<?> v : java.util.List.of(remote, local, bytes)) {
      if (failed(v)) {
        return propagate(v);
      }
    }
    String path = value(remote);
    // sources and sinks (and local paths) made here, as SFTP's: a bad one fails the request
    // before it is sent, never inside it
    Function<SshConnection, ScpTransfer> transfer =
        switch (request.verb()) {
          case UPLOAD -> {
            UploadSource source = UploadSource.ofFile(value(local));
            yield c -> c.scpUpload(source, path);
          }
          case UPLOAD_BYTES -> {
            UploadSource source = UploadSource.ofBytes(value(bytes));
            yield c -> c.scpUpload(source, path);
          }
          case DOWNLOAD -> c -> c.scpDownload(path, checks.memorySink());
          case DOWNLOAD_TO_FILE -> {
            DownloadSink sink = checks.fileSink(value(local));
            yield c -> c.scpDownload(path, sink);
          }
          default -> throw new IllegalStateException("SCP has no " + request.verb().label());
        };
    return transferring(
        session,
        requestName,
        SshFailure.Step.SCP,
        // opens the local file, if any (open(2), fstat(2): no data I/O), on this thread
        connection -> transfer.apply(connection).result(timeout),
        (result, start, end) -> new SftpResponse(result, null, null, start, end));
  }
}
