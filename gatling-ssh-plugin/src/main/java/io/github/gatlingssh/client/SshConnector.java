package io.github.gatlingssh.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Owns one MINA {@link SshClient} and opens authenticated connections with it, without blocking:
 * TCP connect, banner, key exchange, host key check and authentication are chained through MINA's
 * future listeners and bounded by one timeout.
 */
public final class SshConnector implements AutoCloseable {
  private final SshClient client;

  public SshConnector(ClientSettings settings) {
    client = newClient(settings);
  }

  /** Validates the algorithm names of {@code settings}: throws IllegalArgumentException naming the unknown ones. */
  public static void validate(ClientSettings settings) {
    BuiltinDHFactories.ParseResult kex = BuiltinDHFactories.parseDHFactoriesList(settings.kexAlgorithms());
    if (!kex.getUnsupportedFactories().isEmpty()) {
      throw new IllegalArgumentException("unsupported kex algorithms " + kex.getUnsupportedFactories()
          + "; supported: " + NamedResourceNames.of(BuiltinDHFactories.VALUES));
    }
    if (!settings.ciphers().isEmpty()) {
      BuiltinCiphers.ParseResult ciphers = BuiltinCiphers.parseCiphersList(settings.ciphers());
      if (!ciphers.getUnsupportedFactories().isEmpty()) {
        throw new IllegalArgumentException("unsupported ciphers " + ciphers.getUnsupportedFactories()
            + "; supported: " + NamedResourceNames.of(BuiltinCiphers.VALUES));
      }
    }
    if (!settings.macs().isEmpty()) {
      BuiltinMacs.ParseResult macs = BuiltinMacs.parseMacsList(settings.macs());
      if (!macs.getUnsupportedFactories().isEmpty()) {
        throw new IllegalArgumentException("unsupported MACs " + macs.getUnsupportedFactories()
            + "; supported: " + NamedResourceNames.of(BuiltinMacs.VALUES));
      }
    }
  }

  private static SshClient newClient(ClientSettings settings) {
    validate(settings);
    SshClient client = SshClient.setUpDefaultClient();
    client.setIoServiceFactoryFactory(new ConnectFriendlyNio2());
    // No ~/.ssh/config, no ~/.ssh/id_* and no agent: a load test uses exactly what it was given.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(VERIFIER);
    client.setSignatureFactories(HostKeyAlgorithms.openSshOrder(client.getSignatureFactories()));
    client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
        BuiltinDHFactories.parseDHFactoriesList(settings.kexAlgorithms()).getParsedFactories(), ClientBuilder.DH2KEX));
    if (!settings.ciphers().isEmpty()) {
      client.setCipherFactories(List.copyOf(BuiltinCiphers.parseCiphersList(settings.ciphers()).getParsedFactories()));
    }
    if (!settings.macs().isEmpty()) {
      client.setMacFactories(List.copyOf(BuiltinMacs.parseMacsList(settings.macs()).getParsedFactories()));
    }
    // Without TCP_NODELAY every small request waits for a delayed ACK (~40 ms on Linux).
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    // The exec request asks for a reply, so "start" completes when the server accepted the command.
    CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true);
    CoreModuleProperties.PREFERRED_AUTHS.set(client, "publickey,password,keyboard-interactive");
    // Idle virtual users (long pauses) keep their connection; the server decides when to drop it.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    if (settings.ioThreads() > 0) {
      CoreModuleProperties.NIO_WORKERS.set(client, settings.ioThreads());
    }
    if (settings.windowSize() > 0) {
      CoreModuleProperties.WINDOW_SIZE.set(client, settings.windowSize());
    }
    client.addSessionListener(PHASES);
    client.start();
    return client;
  }

  /** Adds listeners to every connection and channel of this client (live metrics count them). */
  public void addListeners(SessionListener sessions, ChannelListener channels) {
    client.addSessionListener(sessions);
    client.addChannelListener(channels);
  }

  /**
   * Connects and authenticates. The returned future completes on a MINA thread (or the timer's),
   * exactly once: with the connection, or with an {@link SshRequestException}.
   *
   * @param timer runs the connect timeout (a virtual user's event loop)
   */
  public CompletableFuture<SshConnection> connect(ConnectRequest request, ScheduledExecutorService timer) {
    ConnectAttempt attempt = new ConnectAttempt(request);
    attempt.timeout = timer.schedule(attempt::onTimeout, request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    try {
      ConnectFuture future = client.connect(request.username(), request.host(), request.port(),
          AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, attempt), null);
      attempt.connectFuture = future;
      future.addListener(attempt::onConnected);
    } catch (IOException | RuntimeException e) {
      attempt.fail(new SshFailure(SshFailure.Step.CONNECT, Failures.describe(e) + " (" + request.address() + ")"));
    }
    return attempt.result;
  }

  /** Closes every connection of this client and stops its threads (blocks: call it off Gatling's threads). */
  @Override
  public void close() {
    try {
      client.stop();
    } catch (RuntimeException ignored) {
      // closing at the end of a run: nothing left to report to
    }
  }

  /**
   * MINA's NIO2 back-end, with one change: its connector waits for each pending TCP connect on a
   * thread of a fixed pool of cores + 1, so a few black-holed connects held every connect behind
   * them until their timeout (healthy connects took 7.5 s instead of milliseconds). Here that pool
   * grows with the connects in flight; its idle threads end after 60 s, and all of them with the
   * client. The I/O threads themselves stay a fixed pool.
   */
  private static final class ConnectFriendlyNio2 extends Nio2ServiceFactoryFactory {
    @Override
    public IoServiceFactory create(FactoryManager manager) {
      return new Nio2ServiceFactory(manager, null, ThreadUtils.newCachedThreadPool(manager + "-nio2-resume"));
    }
  }

  /** Sends each host key check to the policy of the connection attempt that asked for it. */
  private static final ServerKeyVerifier VERIFIER = (session, remote, key) -> {
    ConnectAttempt attempt = ConnectAttempt.of(session);
    if (attempt == null) {
      return false;
    }
    SshFailure rejection = attempt.request.hostKeyPolicy().verify(attempt.request.host(), attempt.request.port(), key);
    attempt.hostKeyRejection = rejection;
    return rejection == null;
  };

  /** Follows each attempt through the handshake, so failures and timeouts can say where they happened. */
  private static final SessionListener PHASES = new SessionListener() {
    @Override
    public void sessionCreated(Session session) {
      update(session, ConnectAttempt.Phase.BANNER);
      // Runs before the client's KEXINIT is built: propose first the host key types the policy
      // knows for this host, so a known_hosts holding only one type of key still matches.
      ConnectAttempt attempt = session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
      if (attempt != null) {
        List<String> known = attempt.request.hostKeyPolicy()
            .knownKeyTypes(attempt.request.host(), attempt.request.port());
        if (!known.isEmpty()) {
          session.setSignatureFactories(HostKeyAlgorithms.preferring(session.getSignatureFactories(), known));
        }
      }
    }

    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
      update(session, ConnectAttempt.Phase.KEX);
    }

    @Override
    public void sessionEvent(Session session, Event event) {
      if (event == Event.KeyEstablished) {
        update(session, ConnectAttempt.Phase.AUTH);
      }
    }

    @Override
    public void sessionNegotiationEnd(Session session, java.util.Map<org.apache.sshd.common.kex.KexProposalOption, String> clientProposal,
        java.util.Map<org.apache.sshd.common.kex.KexProposalOption, String> serverProposal,
        java.util.Map<org.apache.sshd.common.kex.KexProposalOption, String> negotiatedOptions, Throwable reason) {
      ConnectAttempt attempt = session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
      if (attempt != null && negotiatedOptions != null && reason == null) {
        attempt.negotiated = Negotiated.of(negotiatedOptions);
      }
    }

    @Override
    public void sessionException(Session session, Throwable t) {
      ConnectAttempt attempt = session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
      if (attempt != null && attempt.lastException == null) {
        attempt.lastException = t;
      }
    }

    @Override
    public void sessionClosed(Session session) {
      ConnectAttempt attempt = session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
      if (attempt != null) {
        attempt.onClosedDuringHandshake();
      }
    }

    private void update(Session session, ConnectAttempt.Phase phase) {
      ConnectAttempt attempt = session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
      if (attempt != null) {
        attempt.phase = phase;
      }
    }
  };

  /** One connection's way from TCP connect to authenticated; completes {@link #result} once. */
  private static final class ConnectAttempt {
    static final AttributeRepository.AttributeKey<ConnectAttempt> KEY = new AttributeRepository.AttributeKey<>();

    enum Phase { TCP, BANNER, KEX, AUTH }

    final ConnectRequest request;
    final CompletableFuture<SshConnection> result = new CompletableFuture<>();
    volatile Phase phase = Phase.TCP;
    volatile SshFailure hostKeyRejection;
    volatile Throwable lastException;
    volatile Negotiated negotiated = Negotiated.UNKNOWN;
    volatile ConnectFuture connectFuture;
    volatile ClientSession session;
    volatile ScheduledFuture<?> timeout;

    ConnectAttempt(ConnectRequest request) {
      this.request = request;
    }

    static ConnectAttempt of(ClientSession session) {
      AttributeRepository context = session.getConnectionContext();
      return context == null ? null : context.getAttribute(KEY);
    }

    void onConnected(ConnectFuture future) {
      if (!future.isConnected()) {
        if (!future.isCanceled()) {
          fail(new SshFailure(SshFailure.Step.CONNECT,
              Failures.describe(future.getException()) + " (" + request.address() + ")"));
        }
        return;
      }
      ClientSession s = future.getClientSession();
      session = s;
      if (result.isDone()) { // timed out meanwhile
        s.close(true);
        return;
      }
      if (request.password() != null) {
        s.addPasswordIdentity(request.password());
      }
      request.keys().forEach(s::addPublicKeyIdentity);
      try {
        s.auth().addListener(authFuture -> {
          if (authFuture.isSuccess()) {
            succeed(s);
          } else {
            onHandshakeFailure(authFuture.getException());
          }
        });
      } catch (IOException | RuntimeException e) {
        onHandshakeFailure(e);
      }
    }

    void onClosedDuringHandshake() {
      if (!result.isDone()) {
        onHandshakeFailure(lastException);
      }
    }

    /** Why the handshake failed, from the most specific evidence: host key verdict, then phase. */
    private void onHandshakeFailure(Throwable t) {
      if (result.isDone()) {
        return;
      }
      Throwable cause = t != null ? t : lastException;
      SshFailure failure;
      if (hostKeyRejection != null) {
        failure = hostKeyRejection;
      } else {
        failure = switch (phase) {
          case TCP, BANNER -> new SshFailure(SshFailure.Step.CONNECT, "connection closed by " + request.address()
              + " before its SSH banner (refused during handshake, e.g. past the server's MaxStartups)");
          case KEX -> new SshFailure(SshFailure.Step.KEX, describeKex(cause));
          case AUTH -> authFailure(cause);
        };
      }
      fail(failure);
    }

    private String describeKex(Throwable cause) {
      String detail = cause == null ? null : Failures.describe(cause);
      if (detail == null || detail.equals("connection closed by server") || detail.contains("Session is being closed")
          || detail.contains("Session is closed")) {
        return "connection closed by " + request.address() + " during key exchange";
      }
      return detail + " (" + request.address() + ")";
    }

    private SshFailure authFailure(Throwable cause) {
      String detail = cause == null ? "" : Failures.describe(cause);
      if (detail.contains("No more authentication methods")) {
        return new SshFailure(SshFailure.Step.AUTH,
            "server accepted none of " + request.methods() + " for user '" + request.username() + "'");
      }
      if (cause == null || detail.contains("Session is closed") || detail.contains("being closed")
          || detail.equals("connection closed by server")) {
        return new SshFailure(SshFailure.Step.AUTH, "connection closed by " + request.address()
            + " during authentication (user '" + request.username() + "', methods " + request.methods() + ")");
      }
      return new SshFailure(SshFailure.Step.AUTH, detail + " (user '" + request.username() + "', methods "
          + request.methods() + ")");
    }

    void onTimeout() {
      if (result.isDone()) {
        return;
      }
      String within = " within " + Durations.format(request.timeout());
      String detail = switch (phase) {
        case TCP -> "TCP connect to " + request.address() + " not established" + within;
        case BANNER -> "no SSH banner from " + request.address() + within;
        case KEX -> "key exchange with " + request.address() + " not done" + within;
        case AUTH -> "authentication of user '" + request.username() + "' not done" + within;
      };
      fail(new SshFailure(SshFailure.Step.TIMEOUT, "connect: " + detail));
    }

    private void succeed(ClientSession s) {
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
      if (!result.complete(new SshConnection(s, negotiated))) {
        s.close(true);
      }
    }

    void fail(SshFailure failure) {
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
      if (result.completeExceptionally(new SshRequestException(failure))) {
        ConnectFuture f = connectFuture;
        if (f != null) {
          f.cancel();
        }
        ClientSession s = session;
        if (s != null) {
          s.close(true);
        }
      }
    }
  }
}
