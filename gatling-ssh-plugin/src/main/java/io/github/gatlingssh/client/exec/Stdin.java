package io.github.gatlingssh.client.exec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a command reads on its standard input: bytes already in memory (an EL string, a function of
 * the session) or a local file, read as it is sent. The command sees EOF after it.
 */
public sealed interface Stdin {

  /** These bytes, then EOF. */
  static Stdin bytes(byte[] bytes) {
    return new Bytes(Objects.requireNonNull(bytes, "stdin bytes"));
  }

  /** This local file's content, read asynchronously as the remote window allows, then EOF. */
  static Stdin file(Path path) {
    return new File(Objects.requireNonNull(path, "stdin file"));
  }

  /** Bytes in memory. */
  record Bytes(byte[] bytes) implements Stdin {}

  /** A local file. */
  record File(Path path) implements Stdin {}
}
