package io.github.gatlingssh.action.sftp;

import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.sftp.DirEntry;
import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.client.sftp.FileAttributes;
import io.github.gatlingssh.client.sftp.SftpChannel;
import io.github.gatlingssh.client.sftp.TransferResult;
import io.github.gatlingssh.client.sftp.UploadSource;
import io.github.gatlingssh.client.sftp.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One SFTP request with its paths resolved for one virtual user: what it sends on the channel, and
 * how its answer becomes an {@link SftpResponse}.
 *
 * @param path the remote path (rename: the old name)
 * @param other rename: the new name; transfers from or to a file: the local path; else null
 * @param bytes the bytes of an upload of bytes, else null
 * @param sink where a download's bytes go (how many are kept, whether digested), else null
 */
record SftpOperation(
    SftpVerb verb, String path, String other, byte[] bytes, WriteMode mode, DownloadSink sink) {

  /**
   * Sends the request. The future is the engine's own, so that completing it from outside (a
   * deadline) stops a transfer and frees its remote handle. A transfer from or to a local file
   * opens that file here (open(2), fstat(2): no data I/O, microseconds on a local disk), on the
   * thread that completed the channel's opening or on the user's event loop.
   */
  CompletableFuture<?> send(SftpChannel channel) {
    return switch (verb) {
      case MKDIR -> channel.mkdir(path);
      case RMDIR -> channel.rmdir(path);
      case REMOVE -> channel.remove(path);
      case RENAME -> channel.rename(path, other);
      case STAT -> channel.stat(path);
      case LIST -> channel.list(path);
      case UPLOAD -> channel.upload(UploadSource.ofFile(Path.of(other)), path, mode);
      case UPLOAD_BYTES -> channel.upload(UploadSource.ofBytes(bytes), path, mode);
      case DOWNLOAD, DOWNLOAD_TO_FILE -> channel.download(path, sink);
    };
  }

  /** What the checks see of the engine's answer {@code value}. */
  @SuppressWarnings("unchecked")
  static SftpResponse response(Object value, long start, long end) {
    if (value instanceof TransferResult t) {
      return new SftpResponse(t, null, null, start, end);
    }
    if (value instanceof FileAttributes a) {
      return new SftpResponse(null, a, null, start, end);
    }
    if (value instanceof List<?> entries) {
      List<String> names = ((List<DirEntry>) entries).stream().map(DirEntry::name).toList();
      return new SftpResponse(null, null, names, start, end);
    }
    return new SftpResponse(null, null, null, start, end);
  }

  /** "download of /x/y", for timeout messages. */
  String describe() {
    return verb.label() + " of " + path;
  }
}
