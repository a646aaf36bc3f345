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
 * Runs a test method once against each test server, the embedded server and a private OpenSSH
 * sshd, passed as its {@link io.github.gatlingssh.testkit.TestServer} parameter:
 *
 * <pre>{@code
 * @ForEachServer
 * void catReadsTheSeedFile(TestServer server) { ... }
 * }</pre>
 *
 * <p>The servers start on first use and stop after the test class, shared by its methods. Without
 * OpenSSH the OpenSSH run is skipped, or fails when {@code CI=true} (see {@link
 * OpenSshRequirement}).
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{index}] {0}", autoCloseArguments = false) // the class shares them
@ArgumentsSource(TestServers.class)
@ExtendWith(TestServers.class)
public @interface ForEachServer {}
