package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.protocol.Param;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named SCP request, the result of {@code scp("name")}: pick its direction. It runs on the
 * virtual user's SSH connection ({@code ssh(..).connect()} first), in the legacy SCP protocol
 * ({@code scp -t} to upload, {@code scp -f} to download), on an exec channel of its own per
 * transfer. Every path is a Gatling EL string or a function of the session.
 *
 * <pre>{@code
 * scp("scp up").upload("/local/data.bin", "#{dir}/scp.bin")
 * scp("scp bytes").uploadBytes("#{dir}/hello.txt", session -> "hello\n".getBytes())
 * scp("scp down").download("#{dir}/scp.bin").check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 * scp("scp fetch").download("#{dir}/scp.bin", "/tmp/copy-#{userId}.bin")
 * }</pre>
 */
public final class Scp {
  private final SshAttributes attributes;

  Scp(SshAttributes attributes) {
    this.attributes = attributes;
  }

  /**
   * Names the SSH connection this request uses (default "default"), as {@code
   * ssh(..).connectionName(..)}.
   */
  public Scp connectionName(String name) {
    return new Scp(attributes.withConnectionName(Timeouts.connectionName(name)));
  }

  /**
   * Uploads the local file {@code localFile} to {@code remoteFile} (created or truncated by the
   * server; when {@code remoteFile} is a directory, into it under its last path element), read from
   * disk as it is sent.
   */
  public ScpActionBuilder upload(String localFile, String remoteFile) {
    return of(SftpVerb.UPLOAD, path(remoteFile), path(localFile));
  }

  /** {@link #upload(String, String)} with the paths computed from the session. */
  public ScpActionBuilder upload(
      Function<Session, String> localFile, Function<Session, String> remoteFile) {
    return of(SftpVerb.UPLOAD, Param.fn(remoteFile), Param.fn(localFile));
  }

  /** Uploads the bytes {@code content} makes from the session to {@code remoteFile}. */
  public ScpActionBuilder uploadBytes(String remoteFile, Function<Session, byte[]> content) {
    Objects.requireNonNull(content, "content");
    return new ScpActionBuilder(
        ScpRequest.ofBytes(attributes, path(remoteFile), Param.fn(content)));
  }

  /** {@link #uploadBytes(String, Function)} with the path computed from the session. */
  public ScpActionBuilder uploadBytes(
      Function<Session, String> remoteFile, Function<Session, byte[]> content) {
    Objects.requireNonNull(content, "content");
    return new ScpActionBuilder(
        ScpRequest.ofBytes(attributes, Param.fn(remoteFile), Param.fn(content)));
  }

  /**
   * Downloads {@code remoteFile} to its end. {@code bodyLength()}, {@code md5()} and {@code sha1()}
   * see every byte; {@code bodyBytes()}, {@code bodyString()} and {@code regex(..)} the first
   * {@code maxOutputLength} bytes. Bytes are kept or digested only when a check needs them.
   */
  public ScpActionBuilder download(String remoteFile) {
    return of(SftpVerb.DOWNLOAD, path(remoteFile), null);
  }

  /** {@link #download(String)} with the path computed from the session. */
  public ScpActionBuilder download(Function<Session, String> remoteFile) {
    return of(SftpVerb.DOWNLOAD, Param.fn(remoteFile), null);
  }

  /** Downloads {@code remoteFile} into the local file {@code localFile} (created or truncated). */
  public ScpActionBuilder download(String remoteFile, String localFile) {
    return of(SftpVerb.DOWNLOAD_TO_FILE, path(remoteFile), path(localFile));
  }

  /** {@link #download(String, String)} with the paths computed from the session. */
  public ScpActionBuilder download(
      Function<Session, String> remoteFile, Function<Session, String> localFile) {
    return of(SftpVerb.DOWNLOAD_TO_FILE, Param.fn(remoteFile), Param.fn(localFile));
  }

  private ScpActionBuilder of(SftpVerb verb, Param<String> remote, Param<String> local) {
    return new ScpActionBuilder(ScpRequest.of(attributes, verb, remote, local));
  }

  private static Param<String> path(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("an SCP path must not be empty");
    }
    return Param.el(path);
  }
}
