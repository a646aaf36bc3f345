package io.github.gatlingssh.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * SFTP transfers: each user connects, makes its own directory, uploads a local file of {@code
 * -Dtransfer.bytes} (default 4 MiB), stats and lists it, downloads it (length and SHA-1 checked
 * over every byte), removes it and its directory, and disconnects. {@code -Dtransfer.users} users
 * (default 20) at once. On the embedded server by default (its SFTP subsystem serves its data
 * directory); with {@code -Dssh.host=..}, see {@link Target}: the directories are made relative to
 * the login's SFTP start directory (its home on OpenSSH). Bytes and MiB/s per request name are
 * printed at the end of the run.
 *
 * <pre>
 * mvn -B -q verify -pl simulations -am -DskipTests \
 *   -Dgatling.simulationClass=io.github.gatlingssh.simulations.TransferSimulation
 * </pre>
 */
public class TransferSimulation extends Simulation {
  private final Target target = Target.fromSystemProperties();
  private final int bytes = Integer.getInteger("transfer.bytes", 4 * 1024 * 1024);
  private final int users = Integer.getInteger("transfer.users", 20);
  private final Path local = localFile(bytes);
  private final String sha1 = sha1Of(local);
  private final String base =
      "gatling-ssh-transfer-" + UUID.randomUUID().toString().substring(0, 8);

  ScenarioBuilder transfer =
      scenario("sftp transfer")
          .exec(session -> session.set("dir", base + "-" + session.userId()))
          .exec(ssh("connect").connect())
          .exec(sftp("mkdir").mkdir("#{dir}"))
          .exec(sftp("upload").upload(local.toString(), "#{dir}/data.bin"))
          .exec(sftp("stat").stat("#{dir}/data.bin").check(fileSize().is((long) bytes)))
          .exec(sftp("list").list("#{dir}").check(fileNames().findAll().is(List.of("data.bin"))))
          .exec(
              sftp("download")
                  .download("#{dir}/data.bin")
                  .check(bodyLength().is(bytes), sha1().is(sha1)))
          .exec(sftp("remove").remove("#{dir}/data.bin"))
          .exec(sftp("rmdir").rmdir("#{dir}"))
          .exec(ssh("disconnect").disconnect());

  {
    setUp(transfer.injectOpen(atOnceUsers(users)))
        .protocols(target.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }

  private static Path localFile(int size) {
    try {
      byte[] data = new byte[size];
      new Random(size).nextBytes(data);
      Path file = Files.createTempFile("gatling-ssh-transfer-", ".bin");
      file.toFile().deleteOnExit();
      return Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1Of(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void after() {
    target.close();
  }
}
