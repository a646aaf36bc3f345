package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdin, pty() and env() on exec and start, as real Gatling runs against OpenSSH and the embedded
 * server.
 */
class ExecInputTest {
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final ClassServer<PrivateSshd> SSHD =
      ClassServer.openSsh(
          SshdOptions.defaults().toBuilder().extraConfig("AcceptEnv GSSH_*").build());

  @RegisterExtension
  static final ClassServer<EmbeddedSshServer> EMBEDDED =
      ClassServer.embedded(EmbeddedSshServer.builder());

  @TempDir Path tmp;

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void oneMebibyteOfStdinReachesSha256sumAsTextBytesAndFile() throws Exception {
    // text: 1 MiB of printable ASCII, so that the protocol's UTF-8 leaves it byte for byte
    StringBuilder text = new StringBuilder(MIB);
    Random random = new Random(1);
    while (text.length() < MIB) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    String payload = text.toString();
    String textSha = sha256(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] binary = randomBytes(MIB + 17, 2);
    String binarySha = sha256(binary);
    byte[] fileBytes = randomBytes(3 * MIB + 5, 3);
    Path file = Files.write(tmp.resolve("stdin.bin"), fileBytes);
    String fileSha = sha256(fileBytes);

    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("stdin")
                    .exec(
                        session ->
                            session
                                .set("payload", payload)
                                .set("sha", textSha)
                                .set("binarySha", binarySha)
                                .set("fileSha", fileSha))
                    .exec(ssh("connect").connect())
                    .exec(
                        ssh("text")
                            .exec("sha256sum")
                            .stdin("#{payload}")
                            .check(regex("^[0-9a-f]{64}").isEL("#{sha}")))
                    .exec(
                        ssh("bytes")
                            .exec("sha256sum")
                            .stdin(session -> binary)
                            .check(regex("^[0-9a-f]{64}").isEL("#{binarySha}")))
                    .exec(
                        ssh("file")
                            .exec("sha256sum")
                            .stdinFile(file.toString())
                            .check(regex("^[0-9a-f]{64}").isEL("#{fileSha}")))
                    .exec(ssh("start").start("sha256sum").stdin("#{payload}"))
                    .exec(ssh("await").awaitExit().check(regex("^[0-9a-f]{64}").isEL("#{sha}")))
                    .exec(ssh("empty").exec("wc -c").stdin("").check(regex("^\\s*(\\d+)").is("0")))
                    .exec(ssh("disconnect").disconnect()),
            3,
            TestProtocols.withKnownHosts(SSHD.get()));

    for (String name :
        new String[] {"text", "bytes", "file", "start", "await", "empty", "disconnect"}) {
      assertThat(r.ok(name)).as(name + ": " + r.summary()).isEqualTo(3);
    }
  }

  @Test
  void gitUploadPackAdvertisesTheRefsOfABareRepositoryAndEndsOnAFlushPacket() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/git")) || System.getenv("CI") != null,
        "git is not installed");
    String repo = "it-upload-pack-" + ProcessHandle.current().pid();
    // made by the login user over SSH, so that git does not refuse a repository another user owns
    String make =
        "rm -rf ~/"
            + repo
            + ".git ~/"
            + repo
            + " && git init -q --bare ~/"
            + repo
            + ".git"
            + " && git init -q -b main ~/"
            + repo
            + " && cd ~/"
            + repo
            + " && git -c user.name=it -c user.email=it@example.invalid commit -q --allow-empty -m one"
            + " && git push -q ~/"
            + repo
            + ".git main";
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("git")
                    .exec(ssh("make repo").exec(make))
                    .exec(
                        ssh("refs")
                            .exec("git-upload-pack ~/" + repo + ".git")
                            .stdin("0000")
                            .check(substring("refs/heads/main").exists(), exitStatus().is(0)))
                    .exec(ssh("disconnect").disconnect()),
            1,
            TestProtocols.withKnownHosts(SSHD.get()));

    Runs.assertAllOk(r, 1, "make repo", "refs");
  }

  @Test
  void anAcceptedVariableReachesTheCommandAndAPtyIsATerminal() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("env")
                    .exec(session -> session.set("v", "value-" + session.userId()))
                    .exec(ssh("connect").connect())
                    .exec(
                        ssh("env")
                            .exec("printf '%s|%s' \"$GSSH_VALUE\" \"$NOT_ACCEPTED\"")
                            .env("GSSH_VALUE", "#{v}")
                            .env("NOT_ACCEPTED", "x")
                            .check(bodyString().isEL("#{v}|")))
                    .exec(
                        ssh("env start")
                            .start("printf %s \"$GSSH_OTHER\"")
                            .env("GSSH_OTHER", "other"))
                    .exec(ssh("env await").awaitExit().check(bodyString().is("other")))
                    .exec(ssh("no tty").exec("tty").check(exitStatus().is(1)))
                    .exec(ssh("tty").exec("tty").pty().check(regex("^/dev/pts/\\d+").exists()))
                    .exec(ssh("disconnect").disconnect()),
            2,
            TestProtocols.withKnownHosts(SSHD.get()));

    for (String name :
        new String[] {"env", "env start", "env await", "no tty", "tty", "disconnect"}) {
      assertThat(r.ok(name)).as(name + ": " + r.summary()).isEqualTo(2);
    }
  }

  @Test
  void theEmbeddedCatEchoesItsStdinAndAMissingStdinFileIsKo() throws Exception {
    Path file = Files.writeString(tmp.resolve("lines.txt"), "one\ntwo\n");
    Path gone = tmp.resolve("gone.txt");
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("cat")
                    .exec(session -> session.set("path", gone.toString()))
                    .exec(ssh("connect").connect())
                    .exec(
                        ssh("cat")
                            .exec("cat")
                            .stdin("hello #{path}")
                            .check(bodyString().isEL("hello #{path}")))
                    .exec(
                        ssh("cat file")
                            .exec("cat")
                            .stdinFile(file.toString())
                            .check(bodyString().is("one\ntwo\n")))
                    .exec(ssh("cat gone").exec("cat").stdinFile("#{path}"))
                    .exec(
                        ssh("after")
                            .exec("echo still here")
                            .check(bodyString().is("still here\n"))),
            2,
            TestProtocols.forServer(EMBEDDED.get()));

    Runs.assertAllOk(r, 2, "cat", "cat file");
    Runs.assertAllKo(
        r,
        2,
        "cat gone",
        m -> assertThat(m).isEqualTo("exec: cannot read stdin file " + gone + ": no such file"));
    assertThat(r.ok("after")).as(r.summary()).isEqualTo(2);
  }

  @Test
  void badStdinSettingsFailWhenTheSimulationIsBuilt() {
    assertThatThrownBy(() -> ssh("x").exec("cat").stdinFile("/no/such/file"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable file");
    assertThatThrownBy(() -> ssh("x").exec("env").env("A=B", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a variable name");
  }
}
