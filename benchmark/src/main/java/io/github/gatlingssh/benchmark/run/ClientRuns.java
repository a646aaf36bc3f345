package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import java.nio.file.Path;
import java.util.Optional;

/** One run of any client, in either mode: which class runs what. */
public final class ClientRuns {
  /**
   * Why OpenSSH's client has no steady state: one {@code ssh} process runs one command, so it
   * cannot run the seed sequence (two commands on one connection) without a ControlMaster, and its
   * CPU per session would be process start-up, which the N-at-once runs already measure.
   */
  public static final String OPENSSH_STEADY_SKIPPED =
      "one ssh process runs one command, not the seed sequence (two commands on one connection),"
          + " and its CPU per session is mostly process start-up, which the N-at-once runs already"
          + " show";

  private final RunContext ctx;
  private final Path goClient;

  /**
   * @param goClient the Go client's binary, or null when it is not to run
   */
  public ClientRuns(RunContext ctx, Path goClient) {
    this.ctx = ctx;
    this.goClient = goClient;
  }

  /** N sessions at once. */
  public RunResult atOnce(Client client, int users, int repetition) {
    return switch (client) {
      case GATLING -> GatlingRun.atOnce(ctx, users, repetition);
      case MINA -> MinaRun.atOnce(ctx, users, repetition);
      case OPENSSH -> OpenSshRun.atOnce(ctx, users, repetition);
      case GO -> GoRun.atOnce(ctx, goClient, users, repetition);
    };
  }

  /** The steady state; empty for OpenSSH ({@link #OPENSSH_STEADY_SKIPPED}). */
  public Optional<SteadyResult> steady(Client client, int users, int seconds) {
    return switch (client) {
      case GATLING -> Optional.of(GatlingRun.steady(ctx, users, seconds));
      case MINA -> Optional.of(MinaRun.steady(ctx, users, seconds));
      case OPENSSH -> Optional.empty();
      case GO -> Optional.of(GoRun.steady(ctx, goClient, users, seconds));
    };
  }
}
