package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What an upload sends: a local file (read through an asynchronous file channel, chunk by chunk, as
 * the requests go out: never whole in memory) or bytes already in memory.
 */
public final class UploadSource {
  private final Path file;
  private final byte[] bytes;

  private UploadSource(Path file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /** The local file {@code local}, read as it is sent. */
  public static UploadSource ofFile(Path local) {
    return new UploadSource(Objects.requireNonNull(local, "local"), null);
  }

  /** {@code bytes}, not copied: do not change them until the upload ends. */
  public static UploadSource ofBytes(byte[] bytes) {
    return new UploadSource(null, Objects.requireNonNull(bytes, "bytes"));
  }

  /** A description for messages: the local path, or "N bytes". */
  public String describe() {
    return file != null ? file.toString() : bytes.length + " bytes";
  }

  /**
   * Opens the source for one upload. A file is opened, and its size read, on the calling thread
   * (open(2) and fstat(2), no data I/O); its data is read asynchronously. SCP uploads use it too.
   *
   * @throws UncheckedIOException when the local file cannot be opened
   */
  public Reader open() {
    if (bytes != null) {
      return new Reader(bytes.length, null, bytes);
    }
    try {
      AsynchronousFileChannel ch =
          LocalFilePool.open(file, java.util.Set.of(StandardOpenOption.READ));
      try {
        return new Reader(ch.size(), ch, null);
      } catch (IOException e) {
        ch.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One upload's view of its source. */
  public static final class Reader {
    final long size;
    private final byte[] bytes;
    private final LocalFileIo fileIo;

    private Reader(long size, AsynchronousFileChannel file, byte[] bytes) {
      this.size = size;
      this.bytes = bytes;
      this.fileIo = new LocalFileIo(file);
    }

    /** The source's size in bytes. */
    public long size() {
      return size;
    }

    /** Fills {@code dst[off, off+len)} with the source's bytes at {@code position}. */
    public CompletableFuture<Void> fill(long position, byte[] dst, int off, int len) {
      if (bytes == null) {
        return fileIo.readFully(ByteBuffer.wrap(dst, off, len), position);
      }
      System.arraycopy(bytes, (int) position, dst, off, len);
      return CompletableFuture.completedFuture(null);
    }

    /** Closes the local file once its reads in progress have ended (never waiting for them). */
    public void close() {
      fileIo.close();
    }
  }
}
