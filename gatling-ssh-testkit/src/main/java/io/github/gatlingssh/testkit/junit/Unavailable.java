package io.github.gatlingssh.testkit.junit;

import io.github.gatlingssh.testkit.TestServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Stands for a server whose programs are not installed (e.g. OpenSSH), so that its run of a {@link
 * ForEachServer} test still shows in the report, skipped (or failed when {@code CI=true}) by {@link
 * TestServers} before the test method runs. Its {@link TestServer} is a proxy whose every method
 * but {@code kind}, {@code kill}, {@code close} and {@code toString} throws, so a method added to
 * the interface needs nothing here.
 *
 * @param serverKind the server it stands for
 * @param reason what is missing and how to install it
 */
record Unavailable(ServerKind serverKind, String reason) implements InvocationHandler {

  /** The stand-in server. */
  TestServer server() {
    return (TestServer)
        Proxy.newProxyInstance(
            TestServer.class.getClassLoader(), new Class<?>[] {TestServer.class}, this);
  }

  /** What {@code argument} stands for, if it is a stand-in server. */
  static Optional<Unavailable> of(Object argument) {
    return argument != null
            && Proxy.isProxyClass(argument.getClass())
            && Proxy.getInvocationHandler(argument) instanceof Unavailable missing
        ? Optional.of(missing)
        : Optional.empty();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "kind" -> serverKind.displayName();
      case "kill", "close" -> null;
      case "toString" -> serverKind.displayName() + " (" + reason + ")";
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> throw new IllegalStateException(reason);
    };
  }
}
