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
import org.junit.jupiter.api.io.TempDir;

/**
 * SCP requests (legacy protocol: scp -t, scp -f) in real Gatling runs against the embedded server
 * (MINA's scp, rooted in its data directory) and a private OpenSSH sshd (its scp, in the login
 * user's home): round trips checked with SHA-1, the errors in the server's words, 100 users at
 * once. What SFTP does alike is written once in {@link Transfers}.
 */
class ScpTest {

  @ForEachServer
  void uploadThenDownloadRoundTrips(TestServer server, @TempDir Path local) throws Exception {
    GatlingResult r = Transfers.roundTrip(TransferKind.SCP, server, local, ScpTest::roundTripSteps);

    Runs.assertAllOk(
        r,
        3,
        "upload bytes",
        "download text",
        "empty",
        "download empty",
        "remove",
        "remove text",
        "remove empty");
  }

  /** The round trip's own SCP steps: bytes up, text and empty files, then the clean-up. */
  private static ChainBuilder roundTripSteps() {
    return exec(scp("upload bytes")
            .uploadBytes(
                s -> s.getString("dir") + "/hello.txt",
                s -> "hello scp\n".getBytes(StandardCharsets.UTF_8)))
        .exec(
            scp("download text")
                .download(s -> s.getString("dir") + "/hello.txt")
                .check(bodyString().is("hello scp\n"), regex("h(el)lo").is("el")))
        .exec(
            scp("empty")
                .uploadBytes("#{dir}/empty", s -> new byte[0])
                .check(transferredBytes().is(0L)))
        .exec(scp("download empty").download("#{dir}/empty").check(bodyLength().is(0)))
        .exec(sftp("remove").remove("#{dir}/data.bin"))
        .exec(sftp("remove text").remove("#{dir}/hello.txt"))
        .exec(sftp("remove empty").remove("#{dir}/empty"));
  }

  @ForEachServer
  void aMissingFileIsKoWithTheServersErrorLine(TestServer server) {
    Transfers.Missing run =
        Transfers.missing(TransferKind.SCP, server, missing -> afterMissing(server, missing));
    GatlingResult r = run.run();
    String missing = run.name();

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
    assertThat(r.koMessages("local target"))
        .containsOnly("scp: cannot write local file /" + missing + "/copy (no such file)");
    // Gatling records a request that cannot be built as an error of the run, as for a bad EL
    assertThat(r.errors().stream().map(e -> e.message()).toList())
        .as(r.summary())
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).startsWith("bad local path: invalid local path bad"));
    assertThat(r.ok("after")).isEqualTo(2);
  }

  /**
   * After the missing download: an upload into the missing directory, a download to a missing local
   * one, a download to a local path that is not one.
   */
  private static ChainBuilder afterMissing(TestServer server, String missing) {
    return exec(scp("upload").uploadBytes(missing + "/x", s -> new byte[10]))
        .exec(scp("local target").download(server.seedFile().toString(), "/" + missing + "/copy"))
        // not a path at all (NUL): fails before anything is sent, the user goes on
        .exec(scp("bad local path").download(server.seedFile().toString(), "bad\0path"))
        .exec(ssh("after").exec("echo ok").check(stdout().is("ok\n")));
  }

  @ForEachServer
  void aHundredUsersAtOnce(TestServer server) {
    Transfers.hundredUsers(TransferKind.SCP, server);
  }
}
