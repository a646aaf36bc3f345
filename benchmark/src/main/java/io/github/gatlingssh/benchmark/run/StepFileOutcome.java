package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a client that writes a {@link StepFile} left behind (the bare MINA child, the Go client),
 * turned into either mode's result.
 */
record StepFileOutcome(
    StepFile.Content content,
    CpuSamples samples,
    TargetServer.Cpu serverCpu,
    ChildJvm.Exit exit,
    List<String> errors) {

  /**
   * Reads the step file; the errors are its failed steps, else a non-zero exit.
   *
   * @param samples the client's CPU samples: from a file of their own, or from the step file
   * @param who the client, for messages
   * @param log the client's output, for messages
   */
  static StepFileOutcome read(
      Path steps,
      Function<StepFile.Content, CpuSamples> samples,
      TargetServer.Cpu serverCpu,
      ChildJvm.Exit exit,
      String who,
      Path log) {
    StepFile.Content content;
    try {
      content = StepFile.parse(Files.readAllLines(steps));
    } catch (IOException e) {
      throw new UncheckedIOException(who + " wrote no steps; see " + log, e);
    }
    List<String> errors = new ArrayList<>();
    content.steps().stream()
        .filter(r -> !r.ok())
        .forEach(r -> errors.add(r.name() + ": " + r.message()));
    if (exit.code() != 0 && errors.isEmpty()) {
      errors.add(who + " exited with code " + exit.code() + "; see " + log);
    }
    return new StepFileOutcome(content, samples.apply(content), serverCpu, exit, errors);
  }

  RunResult atOnce(Client client, int users, int repetition) {
    return Measurements.result(
        client,
        users,
        repetition,
        Phases.of(content.steps()),
        samples,
        serverCpu,
        exit,
        errors,
        content.negotiated());
  }

  SteadyResult steady(Client client, int users, int seconds) {
    return Measurements.steady(client, users, seconds, content.steps(), samples, serverCpu, errors);
  }
}
