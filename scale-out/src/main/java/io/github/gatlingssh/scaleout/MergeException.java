package io.github.gatlingssh.scaleout;

import java.io.IOException;

/** Inputs that cannot be merged into one run; the message names the file and says why. */
public final class MergeException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the offending file
   */
  public MergeException(String message) {
    super(message);
  }
}
