package io.github.gatlingssh.javaapi;

import io.gatling.commons.validation.Validation;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.internal.Expressions;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.action.stream.StreamAttributes;
import io.github.gatlingssh.check.SftpChecks;
import io.github.gatlingssh.check.SshCheckBuilders;
import io.github.gatlingssh.protocol.SshProtocol;
import java.util.function.Function;
import scala.Function1;

/**
 * The entry point of gatling-ssh's Java DSL.
 *
 * <pre>{@code
 * import static io.gatling.javaapi.core.CoreDsl.*;
 * import static io.github.gatlingssh.javaapi.SshDsl.*;
 *
 * SshProtocolBuilder protocol = ssh.host("127.0.0.1").port(2222).username("bench")
 *     .privateKey("/path/id_ed25519");
 *
 * ScenarioBuilder scn = scenario("ssh")
 *     .exec(ssh("auth").connect())
 *     .exec(ssh("cat").exec("cat #{file}").check(exitStatus().is(0), regex("(?m)^L").count().is(333)))
 *     .exec(shell("open").open())
 *     .exec(shell("answer").send("echo $((6*7))\n").expect("(?m)^42\\r?$"))
 *     .exec(shell("close").close())
 *     .exec(ssh("bye").disconnect());
 * }</pre>
 */
public final class SshDsl {
  private SshDsl() {}

  /** The SSH protocol builder, to configure with host, username, credentials... */
  public static final SshProtocolBuilder ssh = new SshProtocolBuilder(SshProtocol.DEFAULT);

  /** A named SSH request (the name may be EL). */
  public static Ssh ssh(String requestName) {
    return new Ssh(SshAttributes.of(name(requestName, "ssh")));
  }

  /** A named SSH request, the name computed from the session. */
  public static Ssh ssh(Function<Session, String> requestName) {
    return new Ssh(SshAttributes.of(name(requestName)));
  }

  /**
   * A named request on the user's interactive shell (the name may be EL), e.g. {@code
   * shell("prompt").expect("\\$ $")}: see {@link SshShell}.
   */
  public static SshShell shell(String requestName) {
    return new SshShell(
        StreamAttributes.of(StreamAttributes.Kind.SHELL, name(requestName, "shell")));
  }

  /** A named shell request, the name computed from the session. */
  public static SshShell shell(Function<Session, String> requestName) {
    return new SshShell(StreamAttributes.of(StreamAttributes.Kind.SHELL, name(requestName)));
  }

  /**
   * A named request on the user's tunnel (direct-tcpip; the name may be EL), e.g. {@code
   * tunnel("open").open("127.0.0.1", 8080)}: see {@link SshTunnel}.
   */
  public static SshTunnel tunnel(String requestName) {
    return new SshTunnel(
        StreamAttributes.of(StreamAttributes.Kind.TUNNEL, name(requestName, "tunnel")));
  }

  /** A named tunnel request, the name computed from the session. */
  public static SshTunnel tunnel(Function<Session, String> requestName) {
    return new SshTunnel(StreamAttributes.of(StreamAttributes.Kind.TUNNEL, name(requestName)));
  }

  /** The request name as a Gatling expression; fails now, naming the DSL call, when empty. */
  private static Function1<io.gatling.core.session.Session, Validation<String>> name(
      String requestName, String dslCall) {
    if (requestName == null || requestName.isBlank()) {
      throw new IllegalArgumentException(
          "a request needs a name: " + dslCall + "(\"name\"), the name may be EL");
    }
    return Expressions.toStringExpression(requestName);
  }

  /** The request name computed from the session, as a Gatling expression. */
  private static Function1<io.gatling.core.session.Session, Validation<String>> name(
      Function<Session, String> requestName) {
    return Expressions.javaFunctionToExpression(requestName);
  }

  /**
   * Checks the command's exit status, e.g. {@code exitStatus().is(0)}; absent when it died by a
   * signal.
   */
  public static CheckBuilder.Find<Integer> exitStatus() {
    return SshCheckBuilders.exitStatus();
  }

  /** Checks the signal that killed the command (e.g. "KILL", "TERM"); absent when it exited. */
  public static CheckBuilder.Find<String> exitSignal() {
    return SshCheckBuilders.exitSignal();
  }

  /** Checks standard output as text, e.g. {@code stdout().saveAs("out")}. */
  public static CheckBuilder.Find<String> stdout() {
    return SshCheckBuilders.stdout();
  }

  /**
   * Checks the number of lines of standard output, counted as the output streamed in, e.g. {@code
   * stdoutLineCount().is(333)}; cheap, and counts past maxOutputLength too.
   */
  public static CheckBuilder.Find<Integer> stdoutLineCount() {
    return SshCheckBuilders.stdoutLineCount();
  }

  /** Checks standard error as text, e.g. {@code stderr().is("")}. */
  public static CheckBuilder.Find<String> stderr() {
    return SshCheckBuilders.stderr();
  }

  /**
   * A named SFTP request on the user's SSH connection (the name may be EL), e.g. {@code
   * sftp("upload").upload("/local/data.bin", "#{dir}/data.bin")}: see {@link Sftp}.
   */
  public static Sftp sftp(String requestName) {
    return new Sftp(SshAttributes.of(name(requestName, "sftp")));
  }

  /** A named SFTP request, the name computed from the session. */
  public static Sftp sftp(Function<Session, String> requestName) {
    return new Sftp(SshAttributes.of(name(requestName)));
  }

  /**
   * A named SCP request on the user's SSH connection (the name may be EL), e.g. {@code scp("scp
   * up").upload("/local/data.bin", "#{dir}/scp.bin")}: see {@link Scp}.
   */
  public static Scp scp(String requestName) {
    return new Scp(SshAttributes.of(name(requestName, "scp")));
  }

  /** A named SCP request, the name computed from the session. */
  public static Scp scp(Function<Session, String> requestName) {
    return new Scp(SshAttributes.of(name(requestName)));
  }

  /** Checks the size in bytes that {@code stat} read, e.g. {@code fileSize().is(1048576L)}. */
  public static CheckBuilder.Find<Long> fileSize() {
    return SftpChecks.fileSize();
  }

  /**
   * Checks the names {@code list} read, without "." and "..", e.g. {@code
   * fileNames().findAll().is(List.of("data.bin"))} or {@code fileNames().count().is(3)}.
   */
  public static CheckBuilder.MultipleFind<String> fileNames() {
    return SftpChecks.fileNames();
  }

  /**
   * Checks the bytes an SFTP upload sent or a download received, e.g. {@code
   * transferredBytes().saveAs("n")}.
   */
  public static CheckBuilder.Find<Long> transferredBytes() {
    return SftpChecks.transferredBytes();
  }
}
