package io.github.gatlingssh.check;

import io.github.gatlingssh.client.exec.CommandOutput;
import io.github.gatlingssh.client.exec.CommandResult;

/**
 * What SSH checks see: how the command ended, its output, and the request's timings.
 *
 * @param startTimestamp request start, epoch millis (Gatling's clock)
 * @param endTimestamp request end, epoch millis (Gatling's clock)
 */
public record SshResponse(CommandResult result, long startTimestamp, long endTimestamp) {

  public Integer exitStatus() {
    return result.exitStatus();
  }

  public String exitSignal() {
    return result.exitSignal();
  }

  public CommandOutput stdout() {
    return result.stdout();
  }

  public CommandOutput stderr() {
    return result.stderr();
  }
}
