package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.Session;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.sftp.SftpRequest;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.protocol.Param;
import java.util.function.Function;

/**
 * A named SFTP request, the result of {@code sftp("name")}: pick its verb. It runs on the virtual
 * user's SSH connection ({@code ssh(..).connect()} first); the first SFTP request opens the
 * connection's SFTP channel, the next ones share it. Every path is a Gatling EL string or a
 * function of the session. Transfers are pipelined ({@code sftpChunkSize}, {@code
 * sftpMaxRequests}); an upload truncates an existing remote file unless {@link
 * SftpActionBuilder#append()}.
 *
 * <pre>{@code
 * sftp("mkdir").mkdir("#{dir}")
 * sftp("upload").upload("/local/data.bin", "#{dir}/data.bin")
 * sftp("append").uploadBytes("#{dir}/log", session -> "line\n".getBytes()).append()
 * sftp("stat").stat("#{dir}/data.bin").check(fileSize().is(1048576L))
 * sftp("list").list("#{dir}").check(fileNames().findAll().is(List.of("data.bin")))
 * sftp("download").download("#{dir}/data.bin").check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 * sftp("fetch").download("#{dir}/data.bin", "/tmp/copy-#{userId}.bin")
 * sftp("rename").rename("#{dir}/data.bin", "#{dir}/old.bin")
 * sftp("remove").remove("#{dir}/old.bin")
 * sftp("rmdir").rmdir("#{dir}")
 * }</pre>
 */
public final class Sftp extends SshFileTransfer<Sftp, SftpActionBuilder> {

  Sftp(SshAttributes attributes) {
    super(attributes, Sftp::new, "SFTP");
  }

  /** Creates the remote directory {@code dir} (SSH_FXP_MKDIR); KO when it exists. */
  public SftpActionBuilder mkdir(String dir) {
    return of(SftpVerb.MKDIR, path(dir));
  }

  /** {@link #mkdir(String)} with the path computed from the session. */
  public SftpActionBuilder mkdir(Function<Session, String> dir) {
    return of(SftpVerb.MKDIR, Param.fn(dir));
  }

  /** Removes the empty remote directory {@code dir}. */
  public SftpActionBuilder rmdir(String dir) {
    return of(SftpVerb.RMDIR, path(dir));
  }

  /** {@link #rmdir(String)} with the path computed from the session. */
  public SftpActionBuilder rmdir(Function<Session, String> dir) {
    return of(SftpVerb.RMDIR, Param.fn(dir));
  }

  /** Removes the remote file {@code file}. */
  public SftpActionBuilder remove(String file) {
    return of(SftpVerb.REMOVE, path(file));
  }

  /** {@link #remove(String)} with the path computed from the session. */
  public SftpActionBuilder remove(Function<Session, String> file) {
    return of(SftpVerb.REMOVE, Param.fn(file));
  }

  /**
   * Renames {@code from} to {@code to}; SFTP v3 servers (OpenSSH) refuse when {@code to} exists.
   */
  public SftpActionBuilder rename(String from, String to) {
    return request(SftpVerb.RENAME, path(from), path(to));
  }

  /** {@link #rename(String, String)} with the paths computed from the session. */
  public SftpActionBuilder rename(Function<Session, String> from, Function<Session, String> to) {
    return request(SftpVerb.RENAME, Param.fn(from), Param.fn(to));
  }

  /** Reads the attributes of {@code path}, links followed: check them with {@code fileSize()}. */
  public SftpActionBuilder stat(String path) {
    return of(SftpVerb.STAT, path(path));
  }

  /** {@link #stat(String)} with the path computed from the session. */
  public SftpActionBuilder stat(Function<Session, String> path) {
    return of(SftpVerb.STAT, Param.fn(path));
  }

  /** Lists the remote directory {@code dir}: check the names with {@code fileNames()}. */
  public SftpActionBuilder list(String dir) {
    return of(SftpVerb.LIST, path(dir));
  }

  /** {@link #list(String)} with the path computed from the session. */
  public SftpActionBuilder list(Function<Session, String> dir) {
    return of(SftpVerb.LIST, Param.fn(dir));
  }

  /** A request on one remote path. */
  private SftpActionBuilder of(SftpVerb verb, Param<String> path) {
    return request(verb, path, null);
  }

  @Override
  SftpActionBuilder request(SftpVerb verb, Param<String> path, Param<String> other) {
    return new SftpActionBuilder(SftpRequest.of(attributes, verb, path).withOther(other));
  }

  @Override
  SftpActionBuilder uploadBytes(Param<String> remoteFile, Param<byte[]> bytes) {
    return new SftpActionBuilder(
        SftpRequest.of(attributes, SftpVerb.UPLOAD_BYTES, remoteFile).withBytes(bytes));
  }
}
