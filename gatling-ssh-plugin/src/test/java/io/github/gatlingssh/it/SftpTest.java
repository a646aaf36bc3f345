package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.ChainBuilder;
import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP requests in real Gatling runs against the embedded server and a private OpenSSH sshd: every
 * verb, its checks, per-user directories, and the errors in SFTP's words. Remote paths are
 * relative: to the embedded server's data directory, to the login user's home on OpenSSH. What SCP
 * does alike is written once in {@link Transfers}.
 */
class SftpTest {

  @ForEachServer
  void everyVerbOnOneChannel(TestServer server, @TempDir Path local) throws Exception {
    GatlingResult r = Transfers.roundTrip(TransferKind.SFTP, server, local, SftpTest::verbs);

    Runs.assertAllOk(
        r, 3, "text", "append", "list", "download text", "rename", "remove", "remove text");
  }

  /**
   * The verbs only SFTP has, on the round trip's files: append, list, rename, then the clean-up.
   */
  private static ChainBuilder verbs() {
    return exec(sftp("text")
            .uploadBytes("#{dir}/hello.txt", s -> "hello sftp\n".getBytes(StandardCharsets.UTF_8)))
        .exec(
            sftp("append")
                .uploadBytes("#{dir}/hello.txt", s -> "more\n".getBytes(StandardCharsets.UTF_8))
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
            sftp("download text")
                .download("#{dir}/hello.txt")
                .check(
                    bodyString().is("hello sftp\nmore\n"),
                    regex("(?m)^m(ore)$").is("ore"),
                    bodyBytes().is("hello sftp\nmore\n".getBytes(StandardCharsets.UTF_8))))
        .exec(sftp("rename").rename("#{dir}/data.bin", "#{dir}/old.bin"))
        .exec(sftp("remove").remove("#{dir}/old.bin"))
        .exec(sftp("remove text").remove(s -> s.getString("dir") + "/hello.txt"));
  }

  @ForEachServer
  void aHundredUsersEachInTheirOwnDirectory(TestServer server) {
    GatlingResult r =
        Transfers.hundredUsers(
            TransferKind.SFTP,
            server,
            sftp("list").list("#{dir}").check(fileNames().findAll().is(List.of("f"))));

    Runs.assertAllOk(r, 100, "list");
  }

  @ForEachServer
  void missingFilesAreKoInSftpWords(TestServer server) {
    Transfers.Missing m =
        Transfers.missing(
            TransferKind.SFTP,
            server,
            missing ->
                exec(sftp("stat").stat(missing))
                    .exec(sftp("remove").remove(missing))
                    .exec(sftp("after").stat(".").check(fileSize().exists())));

    assertThat(m.run().koMessages("download"))
        .as(m.run().summary())
        .containsOnly("sftp: no such file: " + m.name() + "/x");
    assertThat(m.run().koMessages("stat")).containsOnly("sftp: no such file: " + m.name());
    assertThat(m.run().koMessages("remove")).containsOnly("sftp: no such file: " + m.name());
    assertThat(m.run().ok("after")).isEqualTo(2);
  }
}
