package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServerBuilder;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test server shared by the tests of a class, in place of the {@code @BeforeAll} that starts it
 * and the {@code @AfterAll} that closes it:
 *
 * <pre>{@code
 * @RegisterExtension static final ClassServer<PrivateSshd> SSHD = ClassServer.openSsh();
 *
 * @Test
 * void aTest() { ... SSHD.get().port() ... }
 * }</pre>
 *
 * <p>Before the class's first test it skips the class, or fails it when {@code CI=true}, if the
 * server's programs are not installed (see {@link ServerKind#assumeAvailable()}); then starts the
 * server. After the class it closes the server, if it started. Where the server's options depend on
 * more than its kind, or the test needs one server per test, {@link ForEachServer} or a {@code
 * try}-with-resources serve better.
 *
 * @param <S> the server's type, for what only that kind offers (an sshd's log, its pid)
 */
public final class ClassServer<S extends TestServer>
    implements BeforeAllCallback, AfterAllCallback {

  private final ServerKind kind;
  private final Callable<S> starter;
  private volatile S server;

  private ClassServer(ServerKind kind, Callable<S> starter) {
    this.kind = kind;
    this.starter = starter;
  }

  /**
   * @return a private OpenSSH sshd with the default options
   */
  public static ClassServer<PrivateSshd> openSsh() {
    return openSsh(SshdOptions.defaults());
  }

  /**
   * @param options the sshd's options
   * @return a private OpenSSH sshd with {@code options}
   */
  public static ClassServer<PrivateSshd> openSsh(SshdOptions options) {
    return new ClassServer<>(ServerKind.OPENSSH, () -> PrivateSshd.start(options));
  }

  /**
   * @param builder the embedded server's settings; built and started before the class's first test
   * @return the embedded server {@code builder} makes
   */
  public static ClassServer<EmbeddedSshServer> embedded(EmbeddedSshServerBuilder builder) {
    return new ClassServer<>(ServerKind.EMBEDDED, () -> builder.build().start());
  }

  /**
   * @param kind the server's kind, whose programs must be installed
   * @param starter starts the server, before the class's first test
   * @return the server {@code starter} starts, as {@code ClassServer.of(ServerKind.DROPBEAR,
   *     PrivateDropbear::start)}
   * @param <S> the server's type
   */
  public static <S extends TestServer> ClassServer<S> of(ServerKind kind, Callable<S> starter) {
    return new ClassServer<>(kind, starter);
  }

  /**
   * @return the running server
   * @throws IllegalStateException outside the class's tests (before it started, after it closed)
   */
  public S get() {
    S s = server;
    if (s == null) {
      throw new IllegalStateException(
          kind.displayName() + " server not running: use it only in the class's tests");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    kind.assumeAvailable();
    server = starter.call();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Optional.ofNullable(server).ifPresent(TestServer::close);
    server = null;
  }
}
