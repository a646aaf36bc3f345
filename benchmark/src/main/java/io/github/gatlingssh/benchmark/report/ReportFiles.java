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
 * {@code <prefix>-latest.*} (so the newest report is always at the same path), and its progress
 * lines on the console.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes both files and their latest copies; returns the timestamped Markdown file. */
  public static Path write(
      Path dir, String prefix, String timestamp, String markdown, String json) {
    Path md = write(dir, prefix + "-" + timestamp + ".md", markdown);
    Path js = write(dir, prefix + "-" + timestamp + ".json", json);
    copy(md, dir.resolve(prefix + "-latest.md"));
    copy(js, dir.resolve(prefix + "-latest.json"));
    return md;
  }

  /**
   * Prints the Markdown report, writes both files and their {@code -latest} copies, and logs where
   * they are as {@code who}.
   */
  public static void publish(
      String who, Path dir, String prefix, String timestamp, String markdown, String json) {
    System.out.println();
    System.out.println(markdown);
    Path md = write(dir, prefix, timestamp, markdown, json);
    log(who, "report: " + md + " and .json (also " + prefix + "-latest.md/.json)");
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

  private static Path write(Path dir, String file, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
