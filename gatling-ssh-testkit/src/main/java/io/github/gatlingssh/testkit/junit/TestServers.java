package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The JUnit 5 extension behind {@link ForEachServer}: provides the embedded server and a private
 * OpenSSH sshd as arguments, starts each once per test class (in the class's extension store, which
 * closes them after the class), and before each invocation skips, or fails when {@code CI=true}, an
 * OpenSSH run on a machine without OpenSSH.
 */
public final class TestServers implements ArgumentsProvider, InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestServers.class);

  /** Created by JUnit. */
  public TestServers() {}

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    Running servers =
        classContext(context)
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class);
    return Stream.of(
        Arguments.of(Named.of("embedded", servers.embedded())),
        Arguments.of(Named.of("openssh", servers.openSsh())));
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    for (Object argument : invocationContext.getArguments()) {
      if (argument instanceof Unavailable missing) {
        invocation.skip();
        OpenSshRequirement.assumeAvailable(); // skips, or fails when CI=true
        throw new IllegalStateException(missing.reason); // not reached: it was missing
      }
    }
    invocation.proceed();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** The servers of one test class; closed by JUnit with the class's store. */
  private static final class Running implements AutoCloseable {
    private EmbeddedSshServer embedded;
    private TestServer openSsh;

    synchronized TestServer embedded() {
      if (embedded == null) {
        try {
          embedded = EmbeddedSshServer.builder().build().start();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return embedded;
    }

    synchronized TestServer openSsh() {
      if (openSsh == null) {
        Optional<String> missing = PrivateSshd.unavailableReason();
        openSsh = missing.isPresent() ? new Unavailable(missing.get()) : PrivateSshd.start();
      }
      return openSsh;
    }

    @Override
    public synchronized void close() {
      if (embedded != null) {
        embedded.close();
      }
      if (openSsh != null) {
        openSsh.close();
      }
    }
  }
}
