package io.github.gatlingssh.protocol;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.failure;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.github.gatlingssh.client.ConnectRequest;
import io.github.gatlingssh.client.PromptAnswer;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.client.hostkey.FingerprintPolicy;
import io.github.gatlingssh.client.hostkey.HostKeyPolicy;
import io.github.gatlingssh.client.hostkey.KnownHostsPolicy;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.metrics.RequestMetrics;
import io.github.gatlingssh.metrics.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * A protocol's run-time side: its MINA client, its host key policy (known_hosts read once), its
 * private key (loaded once), and the clean-up of a virtual user's connections when it exits.
 */
public final class SshComponents implements ProtocolComponents {
  private final SshProtocol protocol;
  private final SshEngine engine;
  private final SshConnector connector;
  private final HostKeyPolicy hostKeyPolicy;
  private final List<KeyPair> staticKeys;
  private final RunMetrics metrics;

  SshComponents(SshProtocol protocol, SshEngine engine, RunMetrics metrics) {
    this.protocol = protocol;
    this.engine = engine;
    this.connector = engine.connector(protocol.clientSettings());
    this.hostKeyPolicy = hostKeyPolicy(protocol.hostKeys(), engine);
    this.staticKeys =
        staticKeys(protocol.auth().privateKey(), protocol.auth().certificate(), engine);
    this.metrics = metrics;
    metrics.start(protocol.metrics());
    metrics.watch(connector);
  }

  private static HostKeyPolicy hostKeyPolicy(HostKeyVerification v, SshEngine engine) {
    return switch (v.mode()) {
      case ACCEPT_ANY -> {
        engine.warnAcceptAnyHostKey();
        yield HostKeyPolicy.ACCEPT_ANY;
      }
      case FINGERPRINTS -> new FingerprintPolicy(v.fingerprints());
      case KNOWN_HOSTS -> {
        Path file =
            v.knownHosts() != null ? v.knownHosts() : HostKeyVerification.defaultKnownHosts();
        try {
          yield KnownHostsPolicy.load(file);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot read known_hosts file " + file + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static List<KeyPair> staticKeys(
      Auth.PrivateKey key, String certificate, SshEngine engine) {
    if (key == null
        || key.path().staticValue().isEmpty()
        || (key.passphrase() != null && key.passphrase().staticValue().isEmpty())) {
      return null;
    }
    String passphrase = key.passphrase() == null ? null : key.passphrase().staticValue().get();
    try {
      return engine
          .keys()
          .loadNow(new PrivateKeys.Source(key.path().staticValue().get(), passphrase, certificate));
    } catch (PrivateKeys.KeyLoadException e) {
      throw new IllegalArgumentException("SSH protocol: " + e.getMessage(), e);
    }
  }

  /** The settings these components were made for. */
  public SshProtocol protocol() {
    return protocol;
  }

  /** The MINA client shared by every protocol of this run with the same client settings. */
  public SshConnector connector() {
    return connector;
  }

  /** Where actions and the client report requests and bytes: the run's live metrics. */
  public RequestMetrics metrics() {
    return metrics;
  }

  /** Records what a new connection negotiated: logged once per run and server. */
  public void connected(ConnectRequest request, SshConnection connection) {
    engine.noteNegotiated(request.address(), connection.negotiated());
  }

  /**
   * Resolves this user's connection settings (EL) and, when needed, loads its key off-thread.
   *
   * @return a Gatling failure when an EL attribute is missing (the request is then a crash, as in
   *     Gatling HTTP), else the request, possibly still loading its key
   */
  public Validation<CompletableFuture<ConnectRequest>> connectRequest(Session session) {
    Validation<String> host = protocol.target().host().resolve(session);
    if (failed(host)) {
      return propagate(host);
    }
    Validation<Integer> port = protocol.target().port().resolve(session);
    if (failed(port)) {
      return propagate(port);
    }
    Validation<String> username = protocol.target().username().resolve(session);
    if (failed(username)) {
      return propagate(username);
    }
    String password = null;
    if (protocol.auth().password() != null) {
      Validation<String> pw = protocol.auth().password().resolve(session);
      if (failed(pw)) {
        return propagate(pw);
      }
      password = value(pw);
    }
    List<PromptAnswer> prompts = new ArrayList<>();
    for (Auth.Prompt prompt : protocol.auth().keyboardInteractive()) {
      Validation<String> answer = prompt.answer().resolve(session);
      if (failed(answer)) {
        return propagate(answer);
      }
      prompts.add(new PromptAnswer(prompt.prompt(), value(answer)));
    }
    int p = value(port);
    if (p < 1 || p > 65535) {
      return failure("SSH port " + p + " is out of range 1-65535");
    }
    String h = value(host);
    String u = value(username);
    String pwd = password;
    Validation<CompletableFuture<List<KeyPair>>> keys = keys(session);
    if (failed(keys)) {
      return propagate(keys);
    }
    CompletableFuture<ConnectRequest> request =
        value(keys)
            .thenApply(
                k ->
                    new ConnectRequest(
                        h,
                        p,
                        u,
                        pwd,
                        k,
                        hostKeyPolicy,
                        protocol.client().connectTimeout(),
                        prompts));
    return success(request);
  }

  private Validation<CompletableFuture<List<KeyPair>>> keys(Session session) {
    if (staticKeys != null) {
      return success(CompletableFuture.completedFuture(staticKeys));
    }
    Auth.PrivateKey key = protocol.auth().privateKey();
    if (key == null) {
      return success(CompletableFuture.completedFuture(List.of()));
    }
    Validation<String> path = key.path().resolve(session);
    if (failed(path)) {
      return propagate(path);
    }
    String passphrase = null;
    if (key.passphrase() != null) {
      Validation<String> pp = key.passphrase().resolve(session);
      if (failed(pp)) {
        return propagate(pp);
      }
      passphrase = value(pp);
    }
    CompletableFuture<List<KeyPair>> loaded =
        engine
            .keys()
            .load(new PrivateKeys.Source(value(path), passphrase, protocol.auth().certificate()))
            .exceptionallyCompose(
                t ->
                    CompletableFuture.failedFuture(
                        new SshRequestException(
                            new SshFailure(SshFailure.Step.AUTH, rootMessage(t)))));
    return success(loaded);
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage();
  }

  @Override
  public Function1<Session, Session> onStart() {
    return Session.Identity();
  }

  /**
   * Closes whatever SSH connections, shells and tunnels the user still holds when it reaches the
   * end of its scenario.
   */
  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> {
      scala.jdk.javaapi.CollectionConverters.asJava(session.attributes())
          .values()
          .forEach(
              v -> {
                if (v instanceof SshConnection c) {
                  c.closeNow();
                } else if (v instanceof StreamChannel<?> s) {
                  s.closeNow();
                }
              });
      return BoxedUnit.UNIT;
    };
  }
}
