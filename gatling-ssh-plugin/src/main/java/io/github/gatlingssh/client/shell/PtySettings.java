package io.github.gatlingssh.client.shell;

/**
 * The pseudo-terminal a shell asks for (pty-req).
 *
 * @param term the terminal type, e.g. "xterm" (the server's TERM)
 * @param columns width in characters
 * @param rows height in lines
 */
public record PtySettings(String term, int columns, int rows) {
  /** xterm, 80x24: what most servers and CLI menus expect. */
  public static final PtySettings DEFAULT = new PtySettings("xterm", 80, 24);

  /** Checks the values when the simulation is built. */
  public PtySettings {
    if (term == null || term.isBlank()) {
      throw new IllegalArgumentException(
          "pty: the terminal type must not be empty, e.g. pty(\"xterm\", 80, 24)");
    }
    if (columns <= 0 || rows <= 0) {
      throw new IllegalArgumentException(
          "pty: columns and rows must be positive, was " + columns + "x" + rows);
    }
  }
}
