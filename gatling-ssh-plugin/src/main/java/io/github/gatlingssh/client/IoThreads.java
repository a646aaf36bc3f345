package io.github.gatlingssh.client;

import java.util.concurrent.ExecutorService;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.AbstractIoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * The NIO2 I/O threads of a MINA client. MINA's NIO2 back-end hands every I/O completion of its
 * channel group (reads, writes, and the decoding, crypto and listeners they run) to this pool as a
 * task ({@code AsynchronousChannelGroup.withThreadPool}), so a task queued here waits as long as
 * the packets queued with it: the live metrics' I/O-thread lag. The pool is made here rather than
 * by MINA so that it is known to be that plain queue; it is MINA's own (same thread names, cores +
 * 1 threads or {@code ioThreads(n)}), and MINA shuts it down with the client.
 */
final class IoThreads {
  private IoThreads() {}

  /** The pool MINA would make for {@code manager}'s I/O threads. */
  static CloseableExecutorService newPool(FactoryManager manager) {
    return ThreadUtils.newFixedThreadPool(
        manager + "-nio2", AbstractIoServiceFactory.getNioWorkers(manager));
  }

  /** The I/O threads of a started client, or null before its start or on another back-end. */
  static ExecutorService of(SshClient client) {
    IoServiceFactory factory = client.getIoServiceFactory();
    return factory instanceof AbstractIoServiceFactory nio ? nio.getExecutorService() : null;
  }
}
