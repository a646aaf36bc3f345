package io.github.gatlingssh.client;

import java.util.concurrent.ExecutorService;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.io.AbstractIoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactory;

/**
 * The NIO2 I/O threads of a MINA client. MINA's NIO2 back-end hands every I/O completion of its
 * channel group (reads, writes, and the decoding, crypto and listeners they run) to this pool as a
 * task ({@code AsynchronousChannelGroup.withThreadPool}), so a task queued here waits as long as
 * the packets queued with it: the live metrics' I/O-thread lag. MINA makes the pool (cores + 1
 * threads, or {@code ioThreads(n)}) and shuts it down with the client.
 */
final class IoThreads {
  private IoThreads() {}

  /** The I/O threads of a started client, or null before its start or on another back-end. */
  static ExecutorService of(SshClient client) {
    IoServiceFactory factory = client.getIoServiceFactory();
    return factory instanceof AbstractIoServiceFactory nio ? nio.getExecutorService() : null;
  }
}
