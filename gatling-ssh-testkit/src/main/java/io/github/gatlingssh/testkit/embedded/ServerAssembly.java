package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MINA {@link SshServer} of one {@link EmbeddedSshServer} and its timer thread: configured from
 * the builder (auth, channels, commands, socket settings), then the builder's customisers, then
 * started. Kept apart from {@link EmbeddedSshServer} so that the latter only holds the facts a test
 * reads.
 */
final class ServerAssembly {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSshServer.class);

  private static final int SOCKET_BACKLOG = 4096;
  // Bounds what a client can push into a command that does not read stdin; ample on loopback.
  private static final long WINDOW_SIZE = 256 * 1024;
  private static final int NIO2_READ_BUFFER_SIZE = 16 * 1024;

  private final EmbeddedSshServerBuilder config;
  private final PublicKey userKey;
  private final AtomicInteger ioPools = new AtomicInteger();
  private final ScheduledThreadPoolExecutor scheduler;
  private final SshServer sshd;
  private final CloseableExecutorService fileThreads;

  ServerAssembly(
      EmbeddedSshServerBuilder config, KeyPair hostKey, PublicKey userKey, FileStore files) {
    this.config = config;
    this.userKey = userKey;
    scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, config.threadPrefix + "-timer");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true); // cancelled sleeps of destroyed commands go at once
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);

    sshd = SshServer.setUpDefaultServer();
    // Explicit, so that sshd-netty on the classpath cannot silently switch the back-end
    sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(this::newIoPool));
    // one timer thread for MINA's timeouts and the commands
    sshd.setScheduledExecutorService(scheduler, false);
    sshd.setSessionFactory(new EmbeddedSessionFactory(sshd));
    sshd.setHost(config.host);
    sshd.setPort(config.port);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setUserAuthFactories(userAuthFactories());
    sshd.setPasswordAuthenticator(config.password == null ? null : this::passwordMatches);
    sshd.setPublickeyAuthenticator((username, key, session) -> keyMatches(username, key));
    // direct-tcpip too, so that tunnels can be tested against the embedded server: it connects to
    // whatever the client asks (the tests only ask for loopback)
    sshd.setChannelFactories(
        List.of(
            EmbeddedChannelSession.factory(config.maxSessionsPerConnection),
            DirectTcpipFactory.INSTANCE));
    sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
    // MINA's SftpSubsystem loops on a blocking queue and its ScpCommand copies with blocking
    // streams, so each holds a thread while its channel is open: a shared cached pool at least
    // reuses those threads across sessions and is stopped with the server (noClose: a session's
    // end must not shut down the shared pool)
    fileThreads = ThreadUtils.newCachedThreadPool(config.threadPrefix + "-files");
    // SFTP and scp see the data directory as "/" (and start there)
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(files.dataDir()));
    // "scp -t PATH" / "scp -f PATH" go to MINA's scp command, every other command line to the
    // in-JVM programs
    sshd.setCommandFactory(
        new ScpCommandFactory.Builder()
            .withDelegate(new InJvmCommandFactory(scheduler, files))
            .withExecutorServiceProvider(() -> ThreadUtils.noClose(fileThreads))
            .build());
    sshd.setShellFactory(channel -> new InJvmShell());
    if (config.sftp) {
      sshd.setSubsystemFactories(
          List.of(
              new SftpSubsystemFactory.Builder()
                  .withExecutorServiceProvider(() -> ThreadUtils.noClose(fileThreads))
                  .build()));
    }
    CoreModuleProperties.SOCKET_BACKLOG.set(sshd, SOCKET_BACKLOG);
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    CoreModuleProperties.WINDOW_SIZE.set(sshd, WINDOW_SIZE);
    CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(sshd, NIO2_READ_BUFFER_SIZE);
    if (config.ioWorkers > 0) {
      CoreModuleProperties.NIO_WORKERS.set(sshd, config.ioWorkers);
    }
    for (Consumer<SshServer> customizer : config.customizers) {
      customizer.accept(sshd);
    }
  }

  /** Binds and starts accepting connections; returns the bound port. */
  int start() throws IOException {
    sshd.start();
    return sshd.getPort();
  }

  SshServer server() {
    return sshd;
  }

  /**
   * Drops every connection as the kernel does for a killed process: TCP close, no
   * SSH_MSG_DISCONNECT, no channel EOF, exit status or CLOSE.
   */
  void dropConnections() {
    for (org.apache.sshd.common.session.Session session : sshd.getActiveSessions()) {
      session.getIoSession().close(true); // the transport only: MINA's session sends nothing more
    }
  }

  /** Stops MINA (dropping open connections) and the timer thread. Does not throw. */
  void stop() {
    try {
      sshd.stop(true);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Stopping the embedded SSH server failed: {}", String.valueOf(e));
    }
    scheduler.shutdownNow();
    fileThreads.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * MINA's NIO2 pools (I/O and "resume"), as MINA would create them but named after this instance,
   * so that its threads can be told apart from other servers' and from the plugin's client threads.
   * MINA shuts them down on stop.
   */
  private CloseableExecutorService newIoPool() {
    return ThreadUtils.newFixedThreadPool(
        config.threadPrefix + "-nio2-" + ioPools.incrementAndGet(),
        CoreModuleProperties.NIO_WORKERS.getRequired(sshd));
  }

  private List<UserAuthFactory> userAuthFactories() {
    List<UserAuthFactory> factories = new ArrayList<>(2);
    factories.add(UserAuthPublicKeyFactory.INSTANCE);
    if (config.password != null) {
      factories.add(UserAuthPasswordFactory.INSTANCE);
    }
    return factories;
  }

  private boolean passwordMatches(String username, String password, ServerSession session) {
    return config.username.equals(username)
        && MessageDigest.isEqual(
            config.password.getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8));
  }

  private boolean keyMatches(String username, PublicKey key) {
    if (!config.username.equals(username)) {
      return false;
    }
    if (KeyUtils.compareKeys(userKey, key)) {
      return true;
    }
    return config.authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
  }
}
