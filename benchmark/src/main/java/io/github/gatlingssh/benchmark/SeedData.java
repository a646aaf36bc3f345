package io.github.gatlingssh.benchmark;

import java.nio.charset.StandardCharsets;

/** The seed workload's file: 333 lines of 80 bytes, line i being {@code L}, i on 78 digits, '\n'. */
final class SeedData {
  static final int LINES = 333;
  static final int BYTES = 26_640;

  private SeedData() {}

  static byte[] content() {
    StringBuilder sb = new StringBuilder(BYTES);
    for (int i = 0; i < LINES; i++) {
      sb.append(String.format("L%078d\n", i));
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
