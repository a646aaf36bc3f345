package io.github.gatlingssh.client.exec;

/**
 * How a command ended.
 *
 * @param exitStatus the exit status, or null when the command died by a signal
 * @param exitSignal the signal name without "SIG" (e.g. "KILL"), or null
 */
public record CommandResult(
    Integer exitStatus, String exitSignal, CommandOutput stdout, CommandOutput stderr) {

  /** Whether the command exited normally with status 0. */
  public boolean succeeded() {
    return exitStatus != null && exitStatus == 0;
  }

  /** "exit status 2" or "killed by signal KILL". */
  public String describeExit() {
    if (exitStatus != null) {
      return "exit status " + exitStatus;
    }
    return "killed by signal " + exitSignal;
  }
}
