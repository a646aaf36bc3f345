package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import io.github.gatlingssh.testkit.junit.ServerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCP requests (legacy protocol: scp -t, scp -f) in real Gatling runs against the embedded server
 * (MINA's scp, rooted in its data directory) and a private OpenSSH sshd (its scp, in the login
 * user's home): round trips checked with SHA-1, the errors in the server's words, 100 users at
 * once. Remote directories are made with SFTP: SCP has no mkdir.
 */
class ScpTest {
  private static final int SIZE = 300_000; // not a multiple of any chunk size

  @TempDir static Path local;

  @ForEachServer
  void uploadThenDownloadRoundTrips(TestServer server) throws Exception {
    byte[] data = new byte[SIZE];
    new Random(11).nextBytes(data);
    Path source = Files.write(local.resolve("scp-data.bin"), data);
    String dir = "scp-it-" + UUID.randomUUID();
    String sha1 = SftpTest.hex("SHA-1", data);
    String md5 = SftpTest.hex("MD5", data);
    GatlingResult r =
        ScriptedSimulation.run(
            sim ->
                sim.setUp(
                        scenario("round trip")
                            .exec(scp("before connect").download("x"))
                            .exec(Scenarios.connectedWithOwnDir(dir))
                            .exec(
                                scp("upload")
                                    .upload(source.toString(), "#{dir}/data.bin")
                                    .check(transferredBytes().is((long) SIZE)))
                            .exec(
                                sftp("stat")
                                    .stat("#{dir}/data.bin")
                                    .check(fileSize().is((long) SIZE)))
                            .exec(
                                scp("upload bytes")
                                    .uploadBytes(
                                        s -> s.getString("dir") + "/hello.txt",
                                        s -> "hello scp\n".getBytes(StandardCharsets.UTF_8)))
                            .exec(
                                scp("download")
                                    .download("#{dir}/data.bin")
                                    .check(
                                        bodyLength().is(SIZE),
                                        sha1().is(sha1),
                                        md5().is(md5),
                                        transferredBytes().is((long) SIZE)))
                            .exec(
                                scp("download text")
                                    .download(s -> s.getString("dir") + "/hello.txt")
                                    .check(
                                        bodyString().is("hello scp\n"), regex("h(el)lo").is("el")))
                            .exec(
                                scp("download to file")
                                    .download(
                                        "#{dir}/data.bin",
                                        local.resolve("scp-copy-#{id}.bin").toString())
                                    .check(sha1().is(sha1)))
                            .exec(
                                scp("empty")
                                    .uploadBytes("#{dir}/empty", s -> new byte[0])
                                    .check(transferredBytes().is(0L)))
                            .exec(
                                scp("download empty")
                                    .download("#{dir}/empty")
                                    .check(bodyLength().is(0)))
                            .exec(sftp("remove").remove("#{dir}/data.bin"))
                            .exec(sftp("remove text").remove("#{dir}/hello.txt"))
                            .exec(sftp("remove empty").remove("#{dir}/empty"))
                            .exec(sftp("rmdir").rmdir("#{dir}"))
                            .exec(ssh("disconnect").disconnect())
                            .injectOpen(atOnceUsers(3)))
                    .protocols(TestProtocols.forServer(server)));

    assertThat(r.koMessages("before connect"))
        .as(r.summary())
        .hasSize(3)
        .allSatisfy(m -> assertThat(m).startsWith("not connected: no SSH connection"));
    Runs.assertAllOk(
        r,
        3,
        "mkdir",
        "upload",
        "stat",
        "upload bytes",
        "download",
        "download text",
        "download to file",
        "empty",
        "download empty",
        "remove",
        "remove text",
        "remove empty",
        "rmdir",
        "disconnect");
    for (int user = 1; user <= 3; user++) {
      assertThat(local.resolve("scp-copy-" + user + ".bin")).hasBinaryContent(data);
    }
  }

  @ForEachServer
  void aMissingFileIsKoWithTheServersErrorLine(TestServer server) {
    String missing = "scp-missing-" + UUID.randomUUID();
    GatlingResult r =
        ScriptedSimulation.run(
            sim ->
                sim.setUp(
                        scenario("missing")
                            .exec(ssh("connect").connect())
                            .exec(scp("download").download(missing + "/x"))
                            .exec(scp("upload").uploadBytes(missing + "/x", s -> new byte[10]))
                            .exec(scp("local").upload("/" + missing, missing))
                            .exec(
                                scp("local target")
                                    .download(
                                        server.seedFile().toString(), "/" + missing + "/copy"))
                            .exec(ssh("after").exec("echo ok").check(stdout().is("ok\n")))
                            .injectOpen(atOnceUsers(2)))
                    .protocols(TestProtocols.forServer(server)));

    assertThat(r.koMessages("download"))
        .as(r.summary())
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .startsWith("scp: ")
                    .doesNotStartWith("scp: scp:")
                    .contains(missing + "/x"));
    assertThat(r.koMessages("upload"))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).startsWith("scp: ").contains(missing + "/x"));
    if (server.kind().equals("openssh")) {
      assertThat(r.koMessages("download"))
          .containsOnly("scp: " + missing + "/x: No such file or directory");
      assertThat(r.koMessages("upload"))
          .containsOnly("scp: " + missing + "/x: No such file or directory");
    }
    assertThat(r.koMessages("local"))
        .containsOnly("scp: cannot read local file /" + missing + " (no such file)");
    assertThat(r.koMessages("local target"))
        .containsOnly("scp: cannot write local file /" + missing + "/copy (no such file)");
    assertThat(r.ok("after")).isEqualTo(2);
  }

  @ForEachServer(ServerKind.OPENSSH)
  void aDirectoryTheUserCannotWriteIsPermissionDenied(TestServer server) {
    // "/" belongs to root; the login user is not root (sshd_config: PermitRootLogin no)
    String denied = "/gatling-ssh-denied-" + UUID.randomUUID();
    GatlingResult r =
        ScriptedSimulation.run(
            sim ->
                sim.setUp(
                        scenario("denied")
                            .exec(ssh("connect").connect())
                            .exec(scp("upload").uploadBytes(denied, s -> new byte[10]))
                            .exec(scp("read").download("/etc/shadow"))
                            .injectOpen(atOnceUsers(1)))
                    .protocols(TestProtocols.forServer(server)));

    assertThat(r.koMessages("upload"))
        .as(r.summary())
        .containsExactly("scp: " + denied + ": Permission denied");
    assertThat(r.koMessages("read")).containsExactly("scp: /etc/shadow: Permission denied");
  }

  @ForEachServer
  void aHundredUsersAtOnce(TestServer server) {
    String dir = "scp-many-" + UUID.randomUUID();
    GatlingResult r =
        ScriptedSimulation.run(
            sim ->
                sim.setUp(
                        scenario("many")
                            .exec(ssh("connect").connect())
                            .exec(
                                session ->
                                    session
                                        .set(
                                            "sha1",
                                            SftpTest.sha1Of(SftpTest.content(session.userId())))
                                        .set("id", session.userId()))
                            .exec(sftp("mkdir").mkdir(dir + "-#{id}"))
                            .exec(
                                scp("upload")
                                    .uploadBytes(
                                        dir + "-#{id}/f", s -> SftpTest.content(s.userId())))
                            .exec(
                                scp("download")
                                    .download(dir + "-#{id}/f")
                                    .check(bodyLength().is(64 * 1024), sha1().isEL("#{sha1}")))
                            .exec(sftp("remove").remove(dir + "-#{id}/f"))
                            .exec(sftp("rmdir").rmdir(dir + "-#{id}"))
                            .exec(ssh("disconnect").disconnect())
                            .injectOpen(atOnceUsers(100)))
                    // 100 handshakes at once on a loaded CI machine: a generous connect timeout,
                    // this test is about SCP
                    .protocols(
                        TestProtocols.forServer(server).connectTimeout(Duration.ofSeconds(60))));

    Runs.assertAllOk(
        r, 100, "connect", "mkdir", "upload", "download", "remove", "rmdir", "disconnect");
  }
}
