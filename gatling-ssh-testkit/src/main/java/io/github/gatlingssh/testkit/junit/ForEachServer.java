package io.github.gatlingssh.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test method once against each of some test servers, passed as its {@link
 * io.github.gatlingssh.testkit.TestServer} parameter. By default the embedded server and a private
 * OpenSSH sshd; {@link #value()} chooses others:
 *
 * <pre>{@code
 * @ForEachServer
 * void catReadsTheSeedFile(TestServer server) { ... }
 *
 * @ForEachServer({ServerKind.OPENSSH, ServerKind.DROPBEAR, ServerKind.TINYSSH})
 * void disconnectAfterTheServerClosed(TestServer server) { ... }
 * }</pre>
 *
 * <p>The servers start on first use and stop after the test class, shared by its methods. A server
 * whose programs are not installed is skipped, or fails when {@code CI=true} (see {@link
 * ServerKind#assumeAvailable()}).
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{index}] {0}", autoCloseArguments = false) // the class shares them
@ArgumentsSource(TestServers.class)
@ExtendWith(TestServers.class)
public @interface ForEachServer {

  /**
   * @return the servers to run against, in this order; by default the embedded server and OpenSSH
   */
  ServerKind[] value() default {ServerKind.EMBEDDED, ServerKind.OPENSSH};
}
