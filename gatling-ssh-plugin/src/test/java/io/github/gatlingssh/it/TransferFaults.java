package io.github.gatlingssh.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.JvmResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.ScpTransferEventListener;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Faults staged in the embedded server's file transfers (hooks into MINA's SFTP subsystem and scp
 * command, which run on the server's own threads), and the check that a failed transfer left
 * nothing open in this JVM.
 */
final class TransferFaults {
  private TransferFaults() {}

  /** What a hook sees of one SFTP READ or WRITE. */
  @FunctionalInterface
  interface Hook {
    /** Called on the server's SFTP thread before it reads or writes; may sleep or throw. */
    void at(long offset, int length) throws IOException;
  }

  /** An embedded server that calls {@code reading} before each READ, {@code writing} each WRITE. */
  static EmbeddedSshServer sftpServer(Hook reading, Hook writing) throws IOException {
    SftpEventListener listener =
        new SftpEventListener() {
          @Override
          public void reading(
              ServerSession session,
              String remoteHandle,
              FileHandle localHandle,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen)
              throws IOException {
            reading.at(offset, dataLen);
          }

          @Override
          public void writing(
              ServerSession session,
              String remoteHandle,
              FileHandle localHandle,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen)
              throws IOException {
            writing.at(offset, dataLen);
          }
        };
    return EmbeddedSshServer.builder()
        .customize(
            sshd ->
                ((SftpSubsystemFactory) sshd.getSubsystemFactories().get(0))
                    .addSftpEventListener(listener))
        .build()
        .start();
  }

  /**
   * A hook that holds the server's thread 3 s the first time it reaches {@code from} (the transfer
   * started, far from done); later calls pass at once.
   */
  static Hook stallOnceFrom(long from) {
    AtomicBoolean stalled = new AtomicBoolean();
    return (offset, length) -> {
      if (offset >= from && stalled.compareAndSet(false, true)) {
        sleep(3_000);
      }
    };
  }

  /** A hook that does nothing. */
  static void none(long offset, int length) {}

  /**
   * An embedded server whose scp command calls {@code started} once a file was announced and
   * accepted, before its data (SEND: a download, RECEIVE: an upload).
   */
  static EmbeddedSshServer scpServer(Consumer<ScpTransferEventListener.FileOperation> started)
      throws IOException {
    ScpTransferEventListener listener =
        new ScpTransferEventListener() {
          @Override
          public void startFileEvent(
              Session session,
              FileOperation op,
              Path file,
              long length,
              Set<PosixFilePermission> perms) {
            started.accept(op);
          }
        };
    return EmbeddedSshServer.builder()
        .customize(
            sshd -> ((ScpCommandFactory) sshd.getCommandFactory()).addEventListener(listener))
        .build()
        .start();
  }

  /**
   * Crashes {@code server} (TCP close, nothing more) from a thread of its own, and holds the
   * calling server thread a while: kill() waits for the server's threads, the caller's included.
   */
  static void killFromHook(EmbeddedSshServer server) {
    new Thread(server::kill, "kill-embedded-server").start();
    sleep(2_000);
  }

  /** Holds the calling (server) thread; every request behind it on that thread waits. */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A user downloads a 4 MiB file to {@code local}/copy.bin over {@code kind}, from the server
   * {@code serverKilledBy} starts: its hook runs the kill it is given (the first run crashes the
   * server, later runs do nothing). Asserts the download KO with "connection lost", the next
   * request KO with "not connected", and nothing left open.
   */
  static void assertConnectionLostMidDownload(
      TransferKind kind, Path local, ServerStarter serverKilledBy) throws IOException {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicReference<EmbeddedSshServer> toKill = new AtomicReference<>();
    Path copy = local.resolve("copy.bin");
    EmbeddedSshServer server =
        serverKilledBy.start(
            () -> {
              if (killed.compareAndSet(false, true)) {
                killFromHook(toKill.get());
              }
            });
    toKill.set(server);
    try (server) {
      server.createDataFile("big.bin", new byte[4 * 1024 * 1024]);
      int port = server.port(); // the server is gone when the sockets are checked
      GatlingResult r =
          Runs.atOnce(
              () ->
                  Scenarios.connected("lost")
                      .exec(kind.download("download", "big.bin", copy.toString()))
                      .exec(kind.download("after", "big.bin")),
              1,
              TestProtocols.forServer(server));

      assertLostThenNotConnected(r, "download", "after");
      assertNothingLeft(port, copy);
    }
  }

  /** Starts an embedded server whose transfer hook runs {@code kill}. */
  @FunctionalInterface
  interface ServerStarter {
    EmbeddedSshServer start(Runnable kill) throws IOException;
  }

  /**
   * The request {@code lost} of {@code r} failed with "connection lost" and the one after it,
   * {@code after}, found no connection.
   */
  private static void assertLostThenNotConnected(GatlingResult r, String lost, String after) {
    assertThat(r.koMessages(lost))
        .as(r.summary())
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("connection lost: "));
    assertThat(r.koMessages(after))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("not connected: "));
  }

  /**
   * After a run: no MINA client thread, no socket to {@code port}, and {@code localFile} (of a
   * transfer that failed) not open in this process.
   */
  private static void assertNothingLeft(int port, Path localFile) {
    Duration deadline = Duration.ofSeconds(20);
    assertThat(Polling.until(deadline, () -> JvmResources.clientMinaThreads().isEmpty()))
        .as("MINA client threads left: %s", JvmResources.clientMinaThreads())
        .isTrue();
    assertThat(Polling.until(deadline, () -> JvmResources.clientSocketsTo(port).isEmpty()))
        .as("client sockets left: %s", JvmResources.clientSocketsTo(port))
        .isTrue();
    assertThat(Polling.until(deadline, () -> !openInThisProcess(localFile)))
        .as("the local file of the failed transfer is still open: %s", localFile)
        .isTrue();
  }

  /** Whether one of this process's file descriptors is open on {@code file} (Linux). */
  private static boolean openInThisProcess(Path file) {
    // /proc/self/fd links name the real path: a temporary directory under a symbolic link must
    // not make the check pass whatever happens
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      real = file.toAbsolutePath(); // not there (any more): compare what we have
    }
    Path target = real;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.anyMatch(
          fd -> {
            try {
              return Files.readSymbolicLink(fd).equals(target);
            } catch (IOException e) {
              return false; // closed meanwhile
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
