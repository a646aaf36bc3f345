package io.github.gatlingssh.javaapi;

import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.scp.ScpRequest;
import io.github.gatlingssh.action.sftp.SftpVerb;
import io.github.gatlingssh.protocol.Param;

/**
 * A named SCP request, the result of {@code scp("name")}: pick its direction. It runs on the
 * virtual user's SSH connection ({@code ssh(..).connect()} first), in the legacy SCP protocol
 * ({@code scp -t} to upload, {@code scp -f} to download), on an exec channel of its own per
 * transfer. Every path is a Gatling EL string or a function of the session. An upload to a remote
 * directory lands in it under the local file's last path element; the server creates or truncates
 * the file.
 *
 * <pre>{@code
 * scp("scp up").upload("/local/data.bin", "#{dir}/scp.bin")
 * scp("scp bytes").uploadBytes("#{dir}/hello.txt", session -> "hello\n".getBytes())
 * scp("scp down").download("#{dir}/scp.bin").check(bodyLength().is(1048576), sha1().isEL("#{sha1}"))
 * scp("scp fetch").download("#{dir}/scp.bin", "/tmp/copy-#{userId}.bin")
 * }</pre>
 */
public final class Scp extends SshFileTransfer<Scp, ScpActionBuilder> {

  Scp(SshAttributes attributes) {
    super(attributes, Scp::new, "SCP");
  }

  @Override
  ScpActionBuilder request(SftpVerb verb, Param<String> path, Param<String> other) {
    return new ScpActionBuilder(ScpRequest.of(attributes, verb, path, other));
  }

  @Override
  ScpActionBuilder uploadBytes(Param<String> remoteFile, Param<byte[]> bytes) {
    return new ScpActionBuilder(ScpRequest.ofBytes(attributes, remoteFile, bytes));
  }
}
