package io.github.gatlingssh.client.sftp;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do local file I/O for every transfer: a small fixed pool. Without it the JDK
 * gives each asynchronous file channel its default pool, which grows a thread per concurrent
 * operation (hundreds, with hundreds of users transferring at once).
 */
final class LocalFilePool {
  private LocalFilePool() {}

  private static final class Holder {
    static final ExecutorService POOL = create();

    private static ExecutorService create() {
      int n = Math.max(2, Runtime.getRuntime().availableProcessors());
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              n,
              n,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "gatling-ssh-sftp-file-" + count.incrementAndGet());
                t.setDaemon(true); // never keeps a finished run's JVM alive
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  /**
   * Opens {@code path} for asynchronous I/O on the shared pool (the open itself is on the caller).
   */
  static AsynchronousFileChannel open(Path path, Set<? extends OpenOption> options)
      throws IOException {
    return AsynchronousFileChannel.open(path, options, Holder.POOL);
  }
}
