package io.github.gatlingssh.client.sftp;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The state of one download's sink: digests, kept bytes, and the local file's pending writes. Bytes
 * arrive in file order, one call at a time (the download serializes them). Made by {@link
 * DownloadSink#newReceiver()}, for SFTP and SCP downloads alike.
 */
public final class Receiver {
  private final int maxKeep;
  private final MessageDigest md5;
  private final MessageDigest sha1;
  private final AsynchronousFileChannel file;
  private final LocalFileIo fileIo;
  private byte[] kept = new byte[0];
  private int keptLength;

  Receiver(int maxKeep, boolean digests, AsynchronousFileChannel file) {
    this.maxKeep = maxKeep;
    this.file = file;
    this.fileIo = new LocalFileIo(file);
    try {
      this.md5 = digests ? MessageDigest.getInstance("MD5") : null;
      this.sha1 = digests ? MessageDigest.getInstance("SHA-1") : null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5 and SHA-1", e);
    }
  }

  /**
   * Takes the next {@code len} bytes, at file offset {@code position}. Returns null when done with
   * them, or a future completing when they are on disk (the caller counts that as a request slot,
   * so a slow disk slows the download instead of filling memory).
   */
  public CompletableFuture<Void> accept(long position, byte[] a, int off, int len) {
    if (md5 != null) {
      md5.update(a, off, len);
      sha1.update(a, off, len);
    }
    if (keptLength < maxKeep) {
      int n = Math.min(len, maxKeep - keptLength);
      if (kept.length < keptLength + n) {
        // grow by doubling, up to maxKeep: a small file does not cost maxKeep bytes
        kept =
            Arrays.copyOf(
                kept, (int) Math.min(maxKeep, Math.max(keptLength + n, 2L * kept.length)));
      }
      System.arraycopy(a, off, kept, keptLength, n);
      keptLength += n;
    }
    if (file == null) {
      return null;
    }
    // a copy: a is the read buffer
    return fileIo.writeFully(ByteBuffer.wrap(Arrays.copyOfRange(a, off, off + len)), position);
  }

  /** MD5 of every byte received, or null without digests; call once, at the end. */
  public byte[] md5() {
    return md5 == null ? null : md5.digest();
  }

  /** SHA-1 of every byte received, or null without digests; call once, at the end. */
  public byte[] sha1() {
    return sha1 == null ? null : sha1.digest();
  }

  /** The bytes kept in memory (at most the sink's {@code maxKeep}). */
  public byte[] kept() {
    return kept.length == keptLength ? kept : Arrays.copyOf(kept, keptLength);
  }

  /**
   * Closes the local file, if any, once its writes in progress have ended (never waiting for them).
   */
  public void close() {
    fileIo.close();
  }
}
