package io.github.gatlingssh.testkit.gatling;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Re-initializes Logback after a Gatling run: Gatling stops the Logback {@code LoggerContext} at
 * the end of every run (finally block of {@code Gatling.start}), which would silence all logging
 * for the rest of the JVM.
 */
final class LogbackRestart {

  private LogbackRestart() {}

  /** Re-initializes Logback from its usual configuration files; a no-op for other backends. */
  static void afterRun() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
      Restarter.restart(factory);
    }
  }

  /** Separate class so that Logback classes are only loaded when Logback is the backend. */
  private static final class Restarter {
    static void restart(ILoggerFactory factory) {
      var context = (ch.qos.logback.classic.LoggerContext) factory;
      if (context.isStarted()) {
        return;
      }
      // what LogbackServiceProvider.initialize() does at JVM start-up
      long since = System.currentTimeMillis();
      context.reset();
      try {
        new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
      } catch (ch.qos.logback.core.joran.spi.JoranException e) {
        System.err.println("Could not re-initialize Logback after the Gatling run: " + e);
      }
      if (!ch.qos.logback.core.status.StatusUtil.contextHasStatusListener(context)) {
        new ch.qos.logback.core.util.StatusPrinter2().printInCaseOfErrorsOrWarnings(context, since);
      }
      context.start();
    }
  }
}
