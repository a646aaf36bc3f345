package io.github.gatlingssh.client.scp;

import io.github.gatlingssh.client.Failures;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;

/** How a local file error reads in a KO message: "no such file", "permission denied"... */
final class LocalFiles {
  private LocalFiles() {}

  static String describe(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof UncheckedIOException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof NoSuchFileException) {
      return "no such file";
    }
    if (c instanceof AccessDeniedException) {
      return "permission denied";
    }
    return Failures.describe(c);
  }
}
