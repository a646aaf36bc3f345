package io.github.gatlingssh.client.exec;

import io.github.gatlingssh.client.Failures;
import io.github.gatlingssh.client.SshFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * Sends a command's stdin, then EOF, without ever blocking a thread: one write at a time on MINA's
 * async stream (which waits for the remote window), the next one from the previous one's listener;
 * a file is read with {@link AsynchronousFileChannel}, one chunk ahead of nothing (read, write,
 * read...), so memory stays at one chunk whatever the file's size.
 *
 * <p>Writes go through {@link ThreadUtils#runAsInternal}: during a key exchange MINA blocks channel
 * writes from threads it does not own (with no timeout), and queues them from its own; the file
 * reads complete on the JDK's thread pool, which MINA does not own.
 *
 * <p>A write that fails (the command exited, the channel closed) just stops: the command's own
 * outcome says what happened. A file that cannot be read fails the command with {@code failed}.
 */
final class StdinWriter {
  private static final int CHUNK = 32 * 1024;

  private final ChannelExecWithReply channel;
  private final IoOutputStream out;
  private final Consumer<SshFailure> failed;

  private StdinWriter(ChannelExecWithReply channel, Consumer<SshFailure> failed) {
    this.channel = channel;
    this.out = channel.stdin();
    this.failed = failed;
  }

  /** Starts sending {@code stdin} on {@code channel}, once the server accepted the command. */
  static void send(ChannelExecWithReply channel, Stdin stdin, Consumer<SshFailure> failed) {
    StdinWriter writer = new StdinWriter(channel, failed);
    if (stdin instanceof Stdin.Bytes b) {
      writer.write(b.bytes(), b.bytes().length, writer::eof);
    } else if (stdin instanceof Stdin.File f) {
      // opening a file is blocking I/O: not on MINA's thread that accepted the command
      ForkJoinPool.commonPool().execute(() -> writer.sendFile(f));
    }
  }

  private void sendFile(Stdin.File f) {
    AsynchronousFileChannel file;
    try {
      file = AsynchronousFileChannel.open(f.path(), StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      failed.accept(readFailure(f, e));
      return;
    }
    readFrom(file, f, ByteBuffer.allocate(CHUNK), 0);
  }

  private void readFrom(
      AsynchronousFileChannel file, Stdin.File f, ByteBuffer buffer, long position) {
    buffer.clear();
    file.read(
        buffer,
        position,
        null,
        new CompletionHandler<Integer, Void>() {
          @Override
          public void completed(Integer n, Void ignored) {
            if (n < 0) {
              closeQuietly(file);
              eof();
            } else {
              write(buffer.array(), n, () -> readFrom(file, f, buffer, position + n));
            }
          }

          @Override
          public void failed(Throwable t, Void ignored) {
            closeQuietly(file);
            StdinWriter.this.failed.accept(readFailure(f, t));
          }
        });
  }

  /**
   * Writes {@code bytes[0..length)}, then runs {@code next} once they are written; stops on a
   * failed write.
   */
  private void write(byte[] bytes, int length, Runnable next) {
    if (length == 0) {
      next.run();
      return;
    }
    try {
      IoWriteFuture written =
          ThreadUtils.runAsInternal(() -> out.writeBuffer(new ByteArrayBuffer(bytes, 0, length)));
      written.addListener(
          w -> {
            if (w.isWritten()) {
              next.run();
            }
          });
    } catch (Exception e) {
      // the channel is closing: its outcome reports why
    }
  }

  private void eof() {
    try {
      ThreadUtils.runAsInternal(channel::sendStdinEof);
    } catch (Exception e) {
      // the channel is closing: its outcome reports why
    }
  }

  private static SshFailure readFailure(Stdin.File f, Throwable t) {
    String why =
        t instanceof NoSuchFileException
            ? "no such file"
            : t instanceof AccessDeniedException ? "permission denied" : Failures.describe(t);
    return new SshFailure(SshFailure.Step.EXEC, "cannot read stdin file " + f.path() + ": " + why);
  }

  private static void closeQuietly(AsynchronousFileChannel file) {
    try {
      file.close();
    } catch (IOException e) {
      // read-only: nothing to lose
    }
  }
}
