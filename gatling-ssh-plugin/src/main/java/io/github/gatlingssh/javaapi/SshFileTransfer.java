package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.protocol.Param;
import java.util.Objects;
import java.util.function.Function;

/**
 * The transfers SFTP ({@link Sftp}) and SCP ({@link Scp}) share: upload a local file or bytes,
 * download to memory (for checks) or to a local file. Every path is a Gatling EL string or a
 * function of the session. Not meant to be extended outside this package.
 *
 * @param <S> the SFTP or SCP request's own type
 * @param <B> its action builder, which the transfers return
 */
public abstract class SshFileTransfer<S extends SshFileTransfer<S, B>, B>
    extends SshNamedRequest<S, SshAttributes> {
  /** "SFTP" or "SCP", for messages. */
  private final String protocol;

  SshFileTransfer(SshAttributes attributes, Function<SshAttributes, S> rebuild, String protocol) {
    super(attributes, rebuild, SshAttributes::withConnectionName);
    this.protocol = protocol;
  }

  /**
   * The request of {@code verb} on the remote {@code path}, naming a second path {@code other} (the
   * new name of a rename, the local file of a transfer) or null.
   */
  abstract B request(SftpVerb verb, Param<String> path, Param<String> other);

  /** The upload of the bytes {@code bytes} makes to {@code remoteFile}. */
  abstract B uploadBytes(Param<String> remoteFile, Param<byte[]> bytes);

  /**
   * Uploads the local file {@code localFile} to {@code remoteFile} (created, or truncated unless
   * SFTP's {@link SftpActionBuilder#append()}), read from disk as it is sent.
   */
  public B upload(String localFile, String remoteFile) {
    return request(SftpVerb.UPLOAD, path(remoteFile), path(localFile));
  }

  /** {@link #upload(String, String)} with the paths computed from the session. */
  public B upload(Function<Session, String> localFile, Function<Session, String> remoteFile) {
    return request(SftpVerb.UPLOAD, Param.fn(remoteFile), Param.fn(localFile));
  }

  /** Uploads the bytes {@code content} makes from the session to {@code remoteFile}. */
  public B uploadBytes(String remoteFile, Function<Session, byte[]> content) {
    return uploadBytes(path(remoteFile), Param.fn(Objects.requireNonNull(content, "content")));
  }

  /** {@link #uploadBytes(String, Function)} with the path computed from the session. */
  public B uploadBytes(Function<Session, String> remoteFile, Function<Session, byte[]> content) {
    return uploadBytes(Param.fn(remoteFile), Param.fn(Objects.requireNonNull(content, "content")));
  }

  /**
   * Downloads {@code remoteFile} to its end. {@code bodyLength()}, {@code md5()} and {@code sha1()}
   * see every byte; {@code bodyBytes()}, {@code bodyString()} and {@code regex(..)} the first
   * {@code maxOutputLength} bytes. Bytes are kept or digested only when a check needs them.
   */
  public B download(String remoteFile) {
    return request(SftpVerb.DOWNLOAD, path(remoteFile), null);
  }

  /** {@link #download(String)} with the path computed from the session. */
  public B download(Function<Session, String> remoteFile) {
    return request(SftpVerb.DOWNLOAD, Param.fn(remoteFile), null);
  }

  /** Downloads {@code remoteFile} into the local file {@code localFile} (created or truncated). */
  public B download(String remoteFile, String localFile) {
    return request(SftpVerb.DOWNLOAD_TO_FILE, path(remoteFile), path(localFile));
  }

  /** {@link #download(String, String)} with the paths computed from the session. */
  public B download(Function<Session, String> remoteFile, Function<Session, String> localFile) {
    return request(SftpVerb.DOWNLOAD_TO_FILE, Param.fn(remoteFile), Param.fn(localFile));
  }

  /** A path as EL; fails now when it is empty. */
  final Param<String> path(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("an " + protocol + " path must not be empty");
    }
    return Param.el(path);
  }
}
