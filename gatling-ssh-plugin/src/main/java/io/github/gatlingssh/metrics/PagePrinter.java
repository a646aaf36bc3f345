package io.github.gatlingssh.metrics;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells where the injector page is. Gatling prints its report's path after the run's termination
 * hooks (where the page is written), so the page's path is logged at once and printed again when
 * the JVM exits, which under the Gatling launcher and its Maven plugin is right after Gatling's
 * line.
 */
final class PagePrinter {
  private static final Logger LOGGER = LoggerFactory.getLogger(PagePrinter.class);
  private static final AtomicReference<Path> LAST = new AtomicReference<>();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private PagePrinter() {}

  static void written(Path page) {
    LOGGER.info("gatling-ssh injector page: {}", page.toAbsolutePath());
    LAST.set(page);
    if (HOOKED.compareAndSet(false, true)) {
      try {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(PagePrinter::print, "gatling-ssh-injector-page"));
      } catch (IllegalStateException e) {
        // the JVM is already exiting
      }
    }
  }

  private static void print() {
    Path page = LAST.get();
    if (page != null) {
      System.out.println("Injector page (gatling-ssh): " + page.toAbsolutePath().toUri());
    }
  }
}
