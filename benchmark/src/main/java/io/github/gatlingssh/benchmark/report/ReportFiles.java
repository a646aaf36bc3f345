package io.github.gatlingssh.benchmark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a benchmark's report goes: {@code <prefix>-<timestamp>.md} and {@code .json}, copied to
 * {@code <prefix>-latest.*}, and its progress lines on the console.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /**
   * Prints the Markdown report, writes both files and their {@code -latest} copies, and logs where
   * they are as {@code who}.
   */
  public static void publish(
      String who, Path dir, String prefix, String timestamp, String markdown, String json) {
    System.out.println();
    System.out.println(markdown);
    try {
      Files.createDirectories(dir);
      Path md = Files.writeString(dir.resolve(prefix + "-" + timestamp + ".md"), markdown);
      Path js = Files.writeString(dir.resolve(prefix + "-" + timestamp + ".json"), json);
      Files.copy(md, dir.resolve(prefix + "-latest.md"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(js, dir.resolve(prefix + "-latest.json"), StandardCopyOption.REPLACE_EXISTING);
      log(who, "report: " + md + " and " + js + " (also " + prefix + "-latest.md/.json)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A progress line: {@code [<who> HH:mm:ss] message}. */
  public static void log(String who, String message) {
    System.out.println(
        "["
            + who
            + " "
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
            + "] "
            + message);
  }
}
