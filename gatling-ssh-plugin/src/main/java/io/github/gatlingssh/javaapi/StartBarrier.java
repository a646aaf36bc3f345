package io.github.gatlingssh.javaapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start barrier of {@link Injector#awaitStart()}: marker files in a directory all injectors
 * share. Each writes {@code ready-<index>}; the first to see all of them writes {@code start-at} (a
 * second ahead, so every poller reads it in time) and all sleep until then.
 */
record StartBarrier(Path dir, int index, int count, long timeoutMillis) {
  private static final Logger LOGGER = LoggerFactory.getLogger(Injector.class);
  private static final long POLL_MILLIS = 50;
  private static final long START_DELAY_MILLIS = 1000;

  /** Blocks until the common start time; fails after the timeout if an injector is missing. */
  void await() {
    try {
      Files.createDirectories(dir);
      try {
        Files.createFile(dir.resolve("ready-" + index));
      } catch (FileAlreadyExistsException e) {
        // a retried injector: it is ready again
      }
      long deadline = System.currentTimeMillis() + timeoutMillis;
      int ready;
      while ((ready = readyCount()) < count) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "only "
                  + ready
                  + " of "
                  + count
                  + " injectors reached"
                  + " the start barrier in "
                  + dir
                  + " within "
                  + timeoutMillis / 1000
                  + " s");
        }
        Thread.sleep(POLL_MILLIS);
      }
      LOGGER.info("all {} injectors ready (barrier {})", count, dir);
      sleepUntil(startAt(deadline));
    } catch (IOException e) {
      throw new UncheckedIOException("start barrier in " + dir + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the start barrier in " + dir, e);
    }
  }

  private int readyCount() {
    int ready = 0;
    for (int i = 0; i < count; i++) {
      ready += Files.exists(dir.resolve("ready-" + i)) ? 1 : 0;
    }
    return ready;
  }

  /** The first injector to get here decides; the others read its decision. */
  private long startAt(long deadline) throws IOException, InterruptedException {
    Path file = dir.resolve("start-at");
    byte[] decision =
        ((System.currentTimeMillis() + START_DELAY_MILLIS) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    try {
      Files.write(file, decision, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      // another injector decided
    }
    while (true) {
      String content = Files.readString(file, StandardCharsets.US_ASCII);
      if (content.endsWith("\n")) { // written completely
        return Long.parseLong(content.trim());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(file + " holds no start time: '" + content + "'");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Sleeps until {@code epochMillis}; returns at once, with a warning, if it passed. */
  static void sleepUntil(long epochMillis) {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait < 0) {
      LOGGER.warn("the start time {} passed {} ms ago: starting now", epochMillis, -wait);
      return;
    }
    LOGGER.info("starting in {} ms", wait);
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the start time", e);
    }
  }
}
