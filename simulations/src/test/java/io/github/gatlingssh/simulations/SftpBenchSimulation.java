package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The SFTP benchmark's workload ({@code benchmark/run --sftp}): {@code -Dsftp.users} users (default
 * 1) at once, each connecting, opening its SFTP channel (a {@code stat} of the remote directory, so
 * that the transfers' times hold no channel set-up), uploading the local file {@code -Dsftp.upload}
 * to {@code <-Dsftp.remoteDir>/up-<user>.bin}, downloading {@code -Dsftp.download} (default: the
 * file it uploaded) to {@code <-Dsftp.localDir>/down-<user>.bin}, and disconnecting. Both transfers
 * check their byte counts.
 *
 * <p>With {@code -Dsftp.warmUp=<local file>}, one user first uploads and downloads that file {@code
 * -Dsftp.warmUpRounds} times (default 5) and waits {@code -Dsftp.warmUpPauseSeconds} (default 3),
 * so that the measured transfers run JIT-compiled code, as OpenSSH's native client does from its
 * first byte. Target: {@code -Dssh.*}, see {@link Target}; connect timeout {@code
 * -Dsftp.connectTimeoutSeconds} (default 60).
 */
public class SftpBenchSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();
  private final String upload = required("sftp.upload");
  private final String remoteDir = required("sftp.remoteDir");
  private final String localDir = required("sftp.localDir");
  private final String download = System.getProperty("sftp.download");
  private final String warmUp = System.getProperty("sftp.warmUp");
  private final int users = Integer.getInteger("sftp.users", 1);
  private final Duration timeout =
      Duration.ofSeconds(Integer.getInteger("sftp.timeoutSeconds", 600));

  ScenarioBuilder transfer =
      scenario("sftp transfer")
          .exec(ssh("connect").connect())
          .exec(sftp("open sftp").stat(remoteDir))
          .exec(
              sftp("upload")
                  .upload(s -> upload, this::uploaded)
                  .timeout(timeout)
                  .check(transferredBytes().is(size(Path.of(upload)))))
          .exec(
              sftp("download")
                  .download(s -> download == null ? uploaded(s) : download, this::downloaded)
                  .timeout(timeout)
                  .check(transferredBytes().is(downloadSize())))
          .exec(ssh("disconnect").disconnect());

  {
    PopulationBuilder measured = transfer.injectOpen(atOnceUsers(users));
    PopulationBuilder population =
        warmUp == null ? measured : warmUp().injectOpen(atOnceUsers(1)).andThen(measured);
    // 100 handshakes at once on a loaded 2-core machine can take longer than the default 10 s
    Duration connectTimeout =
        Duration.ofSeconds(Integer.getInteger("sftp.connectTimeoutSeconds", 60));
    setUp(population)
        .protocols(target.protocol().connectTimeout(connectTimeout))
        .assertions(global().failedRequests().count().is(0L));
  }

  /** Uploads and downloads the warm-up file a few times on one connection. */
  private ScenarioBuilder warmUp() {
    String remote = remoteDir + "/warm-up.bin";
    String local = localDir + "/warm-up.bin";
    return scenario("warm-up")
        .exec(ssh("warm-up connect").connect())
        .repeat(Integer.getInteger("sftp.warmUpRounds", 5))
        .on(
            exec(sftp("warm-up upload").upload(warmUp, remote).timeout(timeout))
                .exec(sftp("warm-up download").download(remote, local).timeout(timeout)))
        .exec(sftp("warm-up remove").remove(remote))
        .exec(ssh("warm-up disconnect").disconnect())
        // time for the JIT compiler to finish what the warm-up queued, before the measured users
        .pause(Duration.ofSeconds(Integer.getInteger("sftp.warmUpPauseSeconds", 3)));
  }

  private String uploaded(Session session) {
    return remoteDir + "/up-" + session.userId() + ".bin";
  }

  private String downloaded(Session session) {
    return localDir + "/down-" + session.userId() + ".bin";
  }

  /** The size of the downloaded file: the upload's, or {@code -Dsftp.downloadBytes}. */
  private long downloadSize() {
    return download == null
        ? size(Path.of(upload))
        : Long.parseLong(required("sftp.downloadBytes"));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("-Dsftp.upload: cannot read " + file, e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "set -D" + property + " (SftpBenchSimulation is run by benchmark/run --sftp)");
    }
    return value;
  }

  @Override
  public void after() {
    target.close();
  }
}
