package io.github.gatlingssh.client.scp;

import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.UploadSource;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.session.ClientSession;

/** Starts SCP transfers ({@link ScpTransfer}) on a connection. */
public final class ScpTransfers {
  private ScpTransfers() {}

  /**
   * Uploads {@code source} to {@code remotePath} ({@code scp -t}). Never throws: failures come
   * through {@link ScpTransfer#result}.
   *
   * @param timer runs the transfer's deadline (the virtual user's event loop)
   */
  public static ScpTransfer upload(
      ClientSession session,
      ScheduledExecutorService timer,
      UploadSource source,
      String remotePath) {
    return new ScpUpload(session, timer, source, remotePath)
        .begin(ScpCommandLine.upload(remotePath));
  }

  /**
   * Downloads {@code remotePath} into {@code sink} ({@code scp -f}). Never throws: failures come
   * through {@link ScpTransfer#result}.
   */
  public static ScpTransfer download(
      ClientSession session, ScheduledExecutorService timer, String remotePath, DownloadSink sink) {
    return new ScpDownload(session, timer, remotePath, sink)
        .begin(ScpCommandLine.download(remotePath));
  }
}
