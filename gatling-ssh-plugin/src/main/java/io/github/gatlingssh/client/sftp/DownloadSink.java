package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a download's bytes go: counted always; MD5 and SHA-1 computed over every byte as it streams
 * (unless {@link #withoutDigests()}); the first {@code maxKeep} bytes kept in memory for checks;
 * and, for {@link #toFile}, everything written to a local file. Memory stays bounded whatever the
 * size of the file. Immutable: one sink description serves any number of downloads.
 *
 * @param maxKeep bytes kept in memory at most
 * @param digests whether MD5 and SHA-1 are computed
 * @param file the local file the bytes are written to, or null
 */
public record DownloadSink(int maxKeep, boolean digests, Path file) {

  /** Checks {@code maxKeep}. */
  public DownloadSink {
    if (maxKeep < 0) {
      throw new IllegalArgumentException("maxKeep must be >= 0, got " + maxKeep);
    }
  }

  /** Keeps the first {@code maxKeep} bytes in memory; counts and digests all of them. */
  public static DownloadSink inMemory(int maxKeep) {
    return new DownloadSink(maxKeep, true, null);
  }

  /**
   * Writes every byte to {@code local} (created or truncated), through an asynchronous file
   * channel; counts and digests them; keeps none in memory (see {@link #keep}).
   */
  public static DownloadSink toFile(Path local) {
    return new DownloadSink(0, true, local);
  }

  /** The same sink, keeping the first {@code maxKeep} bytes in memory. */
  public DownloadSink keep(int maxKeep) {
    return new DownloadSink(maxKeep, digests, file);
  }

  /** The same sink without MD5 and SHA-1: for throughput runs where nothing checks them. */
  public DownloadSink withoutDigests() {
    return new DownloadSink(maxKeep, false, file);
  }

  /**
   * The receiving end of one download. Opens the local file, if any, on the calling thread (an
   * open(2), no data I/O); every write after that is asynchronous. SCP downloads use it too.
   *
   * @throws UncheckedIOException when the local file cannot be opened
   */
  public Receiver newReceiver() {
    AsynchronousFileChannel ch = null;
    if (file != null) {
      try {
        ch =
            LocalFilePool.open(
                file,
                java.util.EnumSet.of(
                    StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Receiver(maxKeep, digests, ch);
  }
}
