package io.github.gatlingssh.benchmark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report as {@code <name>-<timestamp>.md} and {@code .json} in a directory, each copied to
 * {@code <name>-latest.*}, so the newest report is always at the same path.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes both files and their latest copies; returns the timestamped Markdown file. */
  public static Path write(Path dir, String name, String timestamp, String markdown, String json) {
    Path md = write(dir, name + "-" + timestamp + ".md", markdown);
    Path js = write(dir, name + "-" + timestamp + ".json", json);
    copy(md, dir.resolve(name + "-latest.md"));
    copy(js, dir.resolve(name + "-latest.json"));
    return md;
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
