package io.github.gatlingssh.client.sftp;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.sshd.common.util.buffer.Buffer;

/** Reply handlers for the one-message verbs, each completing a future. */
final class Replies {
  private Replies() {}

  /**
   * A callback for a step's future: its failure fails {@code result}, its value goes on to {@code
   * next}.
   */
  static <T> BiConsumer<T, Throwable> orFail(CompletableFuture<?> result, Consumer<T> next) {
    return (v, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        next.accept(v);
      }
    };
  }

  /**
   * The status in a STATUS body: code, then (version 3) a message; lenient if the message is
   * missing.
   */
  static SftpException status(Buffer body, String path) {
    long code = body.getUInt();
    String message = body.available() >= 4 ? body.getString() : null;
    return SftpException.status(code, message, path);
  }

  /** Reads the status code of a STATUS body without consuming the rest. */
  static long code(Buffer body) {
    return body.getUInt();
  }

  static SftpException unexpected(int type, String path) {
    return SftpException.of(
        SftpException.SFTP,
        path,
        "unexpected " + SftpMessages.typeName(type) + " reply" + (path == null ? "" : ": " + path));
  }

  /**
   * A reply of {@code expectedType} is parsed by {@code parse}; a STATUS is a failure, anything
   * else too.
   */
  static <T> ReplyHandler expect(
      int expectedType, String path, CompletableFuture<T> future, Function<Buffer, T> parse) {
    return new ReplyHandler() {
      @Override
      public void onReply(int type, Buffer body) {
        if (type == expectedType) {
          future.complete(parse.apply(body));
        } else if (type == SftpMessages.STATUS) {
          future.completeExceptionally(status(body, path));
        } else {
          future.completeExceptionally(unexpected(type, path));
        }
      }

      @Override
      public void onFailure(SftpException failure) {
        future.completeExceptionally(failure);
      }
    };
  }

  /** A request answered by a STATUS only: OK completes the future. */
  static ReplyHandler ok(String path, CompletableFuture<Void> future) {
    return new ReplyHandler() {
      @Override
      public void onReply(int type, Buffer body) {
        if (type != SftpMessages.STATUS) {
          future.completeExceptionally(unexpected(type, path));
          return;
        }
        SftpException e = status(body, path);
        if (e.status() == SftpStatus.SSH_FX_OK) {
          future.complete(null);
        } else {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(SftpException failure) {
        future.completeExceptionally(failure);
      }
    };
  }

  /** A HANDLE reply's handle: an opaque string of at most 256 bytes. */
  static byte[] handle(Buffer body) {
    return body.getBytes();
  }
}
