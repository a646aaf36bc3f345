package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The transfer runs ScpTest and SftpTest make alike, written once over a {@link TransferKind}: each
 * test adds the requests and assertions that only its protocol has. Remote directories are made and
 * removed with SFTP (SCP has no mkdir).
 */
final class Transfers {
  /** The round trip's file size: not a multiple of any chunk size (SFTP's is 32 KiB). */
  static final int SIZE = 300_000;

  private static final int ROUND_TRIP_USERS = 3;

  private Transfers() {}

  /**
   * {@value #ROUND_TRIP_USERS} users, each in its own remote directory {@code #{dir}} ("mkdir"):
   * "before connect" (a download, KO: not connected), "upload" of {@value #SIZE} random bytes,
   * "stat", "download" into memory (length, SHA-1, MD5, bytes) and "download to file", then {@code
   * steps} (which leave the directory empty), "rmdir" and "disconnect". Asserts the requests named
   * here and each user's local copy; returns the run for the assertions on {@code steps}.
   */
  static GatlingResult roundTrip(
      TransferKind kind, TestServer server, Path local, Supplier<ChainBuilder> steps)
      throws IOException {
    byte[] data = new byte[SIZE];
    new Random(kind.ordinal()).nextBytes(data);
    Path source = Files.write(local.resolve(kind.word() + "-data.bin"), data);
    String copies = kind.word() + "-copy-";
    GatlingResult r =
        Runs.atOnce(
            () ->
                scenario(kind.word() + " round trip")
                    .exec(kind.download("before connect", "x"))
                    .exec(Scenarios.connectedWithOwnDir(kind.word() + "-it-" + UUID.randomUUID()))
                    .exec(
                        kind.upload(
                            "upload",
                            source.toString(),
                            "#{dir}/data.bin",
                            transferredBytes().is((long) SIZE)))
                    .exec(
                        sftp("stat")
                            .stat(s -> s.getString("dir") + "/data.bin")
                            .check(fileSize().is((long) SIZE)))
                    .exec(
                        kind.download(
                            "download",
                            "#{dir}/data.bin",
                            bodyLength().is(SIZE),
                            sha1().is(hex("SHA-1", data)),
                            md5().is(hex("MD5", data)),
                            transferredBytes().is((long) SIZE).saveAs("bytes")))
                    .exec(
                        kind.download(
                            "download to file",
                            "#{dir}/data.bin",
                            local.resolve(copies + "#{id}.bin").toString(),
                            sha1().is(hex("SHA-1", data))))
                    .exec(steps.get())
                    .exec(sftp("rmdir").rmdir("#{dir}"))
                    .exec(ssh("disconnect").disconnect()),
            ROUND_TRIP_USERS,
            TestProtocols.forServer(server));

    Runs.assertAllKoStartingWith(
        r, ROUND_TRIP_USERS, "before connect", "not connected: no SSH connection");
    Runs.assertAllOk(
        r, ROUND_TRIP_USERS, "mkdir", "upload", "stat", "download", "download to file");
    Runs.assertAllOk(r, ROUND_TRIP_USERS, "rmdir", "disconnect");
    for (int user = 1; user <= ROUND_TRIP_USERS; user++) {
      assertThat(local.resolve(copies + user + ".bin")).hasBinaryContent(data);
    }
    return r;
  }

  /**
   * A hundred users at once, each in its own remote directory {@code #{dir}}: "upload" of 64 KiB of
   * its own, {@code afterUpload}, "download" (length and SHA-1), "remove", "rmdir", "disconnect".
   * Asserts the requests named here OK for every user; returns the run for the assertions on {@code
   * afterUpload}.
   */
  static GatlingResult hundredUsers(
      TransferKind kind, TestServer server, ActionBuilder... afterUpload) {
    int users = 100;
    GatlingResult r =
        Runs.atOnce(
            () -> {
              ScenarioBuilder many =
                  scenario("many")
                      .exec(
                          Scenarios.connectedWithOwnDir(kind.word() + "-many-" + UUID.randomUUID()))
                      .exec(session -> session.set("sha1", sha1Of(content(session.userId()))))
                      .exec(kind.uploadBytes("upload", "#{dir}/f", s -> content(s.userId())));
              for (ActionBuilder step : afterUpload) {
                many = many.exec(step);
              }
              return many.exec(
                      kind.download(
                          "download",
                          "#{dir}/f",
                          bodyLength().is(64 * 1024),
                          sha1().isEL("#{sha1}")))
                  .exec(sftp("remove").remove("#{dir}/f"))
                  .exec(sftp("rmdir").rmdir("#{dir}"))
                  .exec(ssh("disconnect").disconnect());
            },
            users,
            // 100 handshakes at once on a loaded CI machine: a generous connect timeout, this test
            // is about file transfers
            TestProtocols.forServer(server).connectTimeout(Duration.ofSeconds(60)));

    Runs.assertAllOk(
        r, users, "connect", "mkdir", "upload", "download", "remove", "rmdir", "disconnect");
    return r;
  }

  /** A run with the unique name of the missing file it asked for. */
  record Missing(GatlingResult run, String name) {}

  /**
   * Two users that connect, "download" a missing file ({@code <name>/x}, the name unique to this
   * run), "local": upload the missing local file {@code /<name>} (KO before any request to the
   * server, asserted here), then {@code steps} of that name.
   */
  static Missing missing(
      TransferKind kind, TestServer server, Function<String, ChainBuilder> steps) {
    String missing = kind.word() + "-missing-" + UUID.randomUUID();
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("missing")
                    .exec(kind.download("download", missing + "/x"))
                    .exec(kind.upload("local", "/" + missing, missing))
                    .exec(steps.apply(missing)),
            2,
            TestProtocols.forServer(server));

    assertThat(r.koMessages("local"))
        .as(r.summary())
        .containsOnly(kind.word() + ": cannot read local file /" + missing + " (no such file)");
    return new Missing(r, missing);
  }

  /** 64 KiB of random bytes, the same for the same user. */
  static byte[] content(long userId) {
    byte[] b = new byte[64 * 1024];
    new Random(userId).nextBytes(b);
    return b;
  }

  static String sha1Of(byte[] data) {
    return hex("SHA-1", data);
  }

  static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
