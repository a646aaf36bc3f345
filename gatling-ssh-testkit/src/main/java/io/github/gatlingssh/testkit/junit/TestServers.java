package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ForEachServer}: provides the servers its {@link
 * ForEachServer#value()} names as arguments, starts each once per test class (in the class's
 * extension store, which closes them after the class), and before each invocation skips, or fails
 * when {@code CI=true}, a run against a server whose programs are not installed.
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
    return Arrays.stream(kinds(context.getRequiredTestMethod()))
        .distinct()
        .map(kind -> Arguments.of(Named.of(kind.displayName(), servers.get(kind))));
  }

  /** The kinds the method's {@link ForEachServer} (direct or meta-annotation) names. */
  static ServerKind[] kinds(Method method) {
    return AnnotationSupport.findAnnotation(method, ForEachServer.class)
        .map(ForEachServer::value)
        .orElse(new ServerKind[] {ServerKind.EMBEDDED, ServerKind.OPENSSH});
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    for (Object argument : invocationContext.getArguments()) {
      Optional<Unavailable> unavailable = Unavailable.of(argument);
      if (unavailable.isPresent()) {
        invocation.skip();
        unavailable.get().serverKind().assumeAvailable(); // skips, or fails when CI=true
        // not reached: it was missing
        throw new IllegalStateException(unavailable.get().reason());
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

  /**
   * The servers of one test class, started on first use; closed by JUnit with the class's store.
   */
  private static final class Running implements AutoCloseable {
    private final Map<ServerKind, TestServer> servers = new EnumMap<>(ServerKind.class);

    synchronized TestServer get(ServerKind kind) {
      return servers.computeIfAbsent(
          kind,
          k -> {
            Optional<String> missing = k.unavailableReason();
            return missing.isPresent() ? new Unavailable(k, missing.get()).server() : k.start();
          });
    }

    @Override
    public synchronized void close() {
      servers.values().forEach(TestServer::close);
    }
  }
}
