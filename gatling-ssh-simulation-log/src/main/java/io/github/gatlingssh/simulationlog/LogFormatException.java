package io.github.gatlingssh.simulationlog;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a complete simulation.log of the supported format; the message names it. */
public final class LogFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the offending file
   * @param problem what is wrong with it, e.g. {@code "is truncated in record #12"}
   * @param cause the underlying error, or {@code null}
   */
  public LogFormatException(Path file, String problem, Throwable cause) {
    super(file + " " + problem, cause);
  }
}
