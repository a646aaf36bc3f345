package io.github.gatlingssh.scaleout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code MergeOnly OUT IN...}: {@link LogMerger} alone, for the forked-JVM memory test. */
public final class MergeOnly {
  private MergeOnly() {}

  /** Merges, prints the number of records written, exits 0. */
  public static void main(String[] args) throws Exception {
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    LogMerger.Result result = LogMerger.merge(inputs, Path.of(args[0]));
    System.out.println("records=" + result.records());
  }
}
