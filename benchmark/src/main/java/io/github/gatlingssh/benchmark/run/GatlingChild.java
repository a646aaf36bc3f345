package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSampler;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child JVM: runs Gatling ({@code io.gatling.app.Gatling}) with the given arguments while a {@link
 * CpuSampler} records CPU, so the CPU of the window found later in simulation.log can be read.
 * Arguments: the samples file, then Gatling's own arguments.
 */
public final class GatlingChild {
  private GatlingChild() {}

  public static void main(String[] args) {
    CpuSampler sampler = CpuSampler.start();
    int exitCode =
        io.gatling.app.Gatling$.MODULE$.fromArgs(Arrays.copyOfRange(args, 1, args.length));
    sampler.stopAndWrite(Path.of(args[0]));
    System.exit(exitCode);
  }
}
