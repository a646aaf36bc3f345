package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import io.github.gatlingssh.testkit.junit.ServerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP requests in real Gatling runs against the embedded server and a private OpenSSH sshd: every
 * verb, its checks, per-user directories, and the errors in SFTP's words. Remote paths are
 * relative: to the embedded server's data directory, to the login user's home on OpenSSH.
 */
class SftpTest {
  private static final int SIZE = 300_000; // not a multiple of the 32 KiB chunk

  @TempDir static Path local;

  @ForEachServer
  void everyVerbOnOneChannel(TestServer server) throws Exception {
    byte[] data = new byte[SIZE];
    new Random(7).nextBytes(data);
    Path source = Files.write(local.resolve("data.bin"), data);
    String dir = "sftp-it-" + UUID.randomUUID();
    String sha1 = hex("SHA-1", data);
    String md5 = hex("MD5", data);
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario("verbs")
                    .exec(sftp("before connect").stat("."))
                    .exec(Scenarios.connectedWithOwnDir(dir))
                    .exec(
                        sftp("upload")
                            .upload(source.toString(), "#{dir}/data.bin")
                            .check(transferredBytes().is((long) SIZE)))
                    .exec(
                        sftp("stat")
                            .stat(s -> s.getString("dir") + "/data.bin")
                            .check(fileSize().is((long) SIZE)))
                    .exec(
                        sftp("text")
                            .uploadBytes(
                                "#{dir}/hello.txt",
                                s -> "hello sftp\n".getBytes(StandardCharsets.UTF_8)))
                    .exec(
                        sftp("append")
                            .uploadBytes(
                                "#{dir}/hello.txt", s -> "more\n".getBytes(StandardCharsets.UTF_8))
                            .append())
                    .exec(
                        sftp("list")
                            .list("#{dir}")
                            .check(
                                fileNames()
                                    .findAll()
                                    .transform(names -> names.stream().sorted().toList())
                                    .is(List.of("data.bin", "hello.txt")),
                                fileNames().count().is(2)))
                    .exec(
                        sftp("download")
                            .download("#{dir}/data.bin")
                            .check(
                                bodyLength().is(SIZE),
                                sha1().is(sha1),
                                md5().is(md5),
                                transferredBytes().saveAs("bytes")))
                    .exec(
                        sftp("download text")
                            .download("#{dir}/hello.txt")
                            .check(
                                bodyString().is("hello sftp\nmore\n"),
                                regex("(?m)^m(ore)$").is("ore"),
                                bodyBytes()
                                    .is("hello sftp\nmore\n".getBytes(StandardCharsets.UTF_8))))
                    .exec(
                        sftp("download to file")
                            .download("#{dir}/data.bin", local.resolve("copy-#{id}.bin").toString())
                            .check(sha1().is(sha1)))
                    .exec(sftp("rename").rename("#{dir}/data.bin", "#{dir}/old.bin"))
                    .exec(sftp("remove").remove("#{dir}/old.bin"))
                    .exec(sftp("remove text").remove(s -> s.getString("dir") + "/hello.txt"))
                    .exec(sftp("rmdir").rmdir("#{dir}"))
                    .exec(ssh("disconnect").disconnect()),
            3,
            TestProtocols.forServer(server));

    Runs.assertAllKoStartingWith(r, 3, "before connect", "not connected: no SSH connection");
    for (String name :
        List.of(
            "mkdir",
            "upload",
            "stat",
            "text",
            "append",
            "list",
            "download",
            "download text",
            "download to file",
            "rename",
            "remove",
            "remove text",
            "rmdir",
            "disconnect")) {
      assertThat(r.ok(name)).as(name + "\n" + r.summary()).isEqualTo(3);
    }
    for (int user = 1; user <= 3; user++) {
      assertThat(local.resolve("copy-" + user + ".bin")).hasBinaryContent(data);
    }
  }

  @ForEachServer
  void aHundredUsersEachInTheirOwnDirectory(TestServer server) {
    String dir = "sftp-many-" + UUID.randomUUID();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("many")
                    .exec(
                        session ->
                            session
                                .set("sha1", sha1Of(content(session.userId())))
                                .set("id", session.userId()))
                    .exec(sftp("mkdir").mkdir(dir + "-#{id}"))
                    .exec(sftp("upload").uploadBytes(dir + "-#{id}/f", s -> content(s.userId())))
                    .exec(
                        sftp("list")
                            .list(dir + "-#{id}")
                            .check(fileNames().findAll().is(List.of("f"))))
                    .exec(
                        sftp("download")
                            .download(dir + "-#{id}/f")
                            .check(bodyLength().is(64 * 1024), sha1().isEL("#{sha1}")))
                    .exec(sftp("remove").remove(dir + "-#{id}/f"))
                    .exec(sftp("rmdir").rmdir(dir + "-#{id}"))
                    .exec(ssh("disconnect").disconnect()),
            100,
            // 100 handshakes at once on a loaded CI machine: a generous connect timeout,
            // this test is about SFTP
            TestProtocols.forServer(server).connectTimeout(Duration.ofSeconds(60)));

    for (String name :
        List.of(
            "connect", "mkdir", "upload", "list", "download", "remove", "rmdir", "disconnect")) {
      assertThat(r.ok(name)).as(name + "\n" + r.summary()).isEqualTo(100);
    }
  }

  @ForEachServer
  void missingFilesAreKoInSftpWords(TestServer server) {
    String missing = "sftp-missing-" + UUID.randomUUID();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("missing")
                    .exec(sftp("download").download(missing + "/x"))
                    .exec(sftp("stat").stat(missing))
                    .exec(sftp("remove").remove(missing))
                    .exec(sftp("local").upload("/" + missing, missing))
                    .exec(sftp("after").stat(".").check(fileSize().exists())),
            2,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("download"))
        .as(r.summary())
        .containsOnly("sftp: no such file: " + missing + "/x");
    assertThat(r.koMessages("stat")).containsOnly("sftp: no such file: " + missing);
    assertThat(r.koMessages("remove")).containsOnly("sftp: no such file: " + missing);
    assertThat(r.koMessages("local"))
        .containsOnly("sftp: cannot read local file /" + missing + " (no such file)");
    assertThat(r.ok("after")).isEqualTo(2);
  }

  @ForEachServer(ServerKind.OPENSSH)
  void aDirectoryTheUserCannotWriteIsPermissionDenied(TestServer server) {
    // "/" belongs to root; the login user is not root (sshd_config: PermitRootLogin no)
    String denied = "/gatling-ssh-denied-" + UUID.randomUUID();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("denied")
                    .exec(sftp("mkdir").mkdir(denied))
                    .exec(sftp("upload").uploadBytes(denied, s -> new byte[10])),
            1,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("mkdir"))
        .as(r.summary())
        .containsExactly("sftp: permission denied: " + denied);
    assertThat(r.koMessages("upload")).containsExactly("sftp: permission denied: " + denied);
  }

  /** 64 KiB of random bytes, the same for the same user. */
  static byte[] content(long userId) {
    byte[] b = new byte[64 * 1024];
    new Random(userId).nextBytes(b);
    return b;
  }

  static String sha1Of(byte[] data) {
    try {
      return hex("SHA-1", data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(String algorithm, byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
  }
}
