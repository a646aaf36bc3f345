package io.github.gatlingssh.check;

import io.github.gatlingssh.client.exec.CommandOutput;
import io.github.gatlingssh.client.exec.CommandResult;

/**
 * What SSH checks see: how the command (or shell) ended, its output, and the request's timings.
 *
 * @param exitStatus the exit status, or null (killed by a signal, or not ended yet)
 * @param exitSignal the signal name without "SIG" (e.g. "KILL"), or null
 * @param startTimestamp request start, epoch millis (Gatling's clock)
 * @param endTimestamp request end, epoch millis (Gatling's clock)
 */
public record SshResponse(
    Integer exitStatus,
    String exitSignal,
    CommandOutput stdout,
    CommandOutput stderr,
    long startTimestamp,
    long endTimestamp) {

  /** What checks see of a command that ended with {@code result}. */
  public static SshResponse of(CommandResult result, long startTimestamp, long endTimestamp) {
    return new SshResponse(
        result.exitStatus(),
        result.exitSignal(),
        result.stdout(),
        result.stderr(),
        startTimestamp,
        endTimestamp);
  }
}
