package io.github.gatlingssh.benchmark.report;

import java.util.List;

/** What the report's figures mean: its Definitions section, also written to the JSON. */
final class Definitions {

  static final List<String> ALL =
      List.of(
          "Phase times are for all N sessions together, as parallel-ssh's lockstep phases: from the"
              + " first start to the last completion of that phase across sessions. auth+execute = first"
              + " \"connect\" start to last \"start\" end (TCP, kex, auth, exec request accepted);"
              + " close+exit status, execute and channel read = the steps of those names;"
              + " total = first \"connect\" start to last \"channel read\" end, so it excludes disconnect,"
              + " which is reported apart.",
          "gatling-ssh times come from the run's simulation.log (Gatling logs whole milliseconds);"
              + " bare MINA logs the same steps itself. OpenSSH ssh: total = first process launched to"
              + " last exited; phases do not apply.",
          "client CPU = the client process's CPU from the first connect to the last disconnect,"
              + " interpolated from 5 ms samples of the process CPU time (10 ms ticks: +-10 ms), less"
              + " the benchmark's own sampler thread; JVM start-up, Gatling's set-up, the JIT warm-up and"
              + " shutdown excluded. whole JVM CPU = the same process from JVM start to exit, including"
              + " the warm-up (gatling-ssh's protocol runs up to 400 sessions for up to 2.5 s against an"
              + " in-JVM server when the simulation is built; bare MINA does the same unless"
              + " --no-mina-warm-up). OpenSSH: all CPU of the N ssh processes and their launching bash,"
              + " start-up included (cutime/cstime).",
          "server CPU = CPU charged to a cgroup holding the sshd listener and everything it forks,"
              + " read before and after the run with no session open; without a writable cgroup, the"
              + " listener's utime+stime+cutime+cstime delta in /proc/PID/stat, which undercounts (see"
              + " the accounting check).",
          "machine busy = all CPUs' busy share (/proc/stat) in the client CPU window: 100% means both"
              + " cores saturated. other CPU = the machine's busy time in the window minus client and"
              + " server CPU: kernel work charged to no process, and any other process on the machine"
              + " (a sign of a noisy run when large).",
          "Each cell is the median of its own values over the repetitions; errors are summed.",
          "Client and server share the same 2 cores: every client CPU millisecond is taken from sshd,"
              + " and runs are noisy, most at small N and for the +-10 ms CPU figures.");

  /** Why the listener's own CPU figure falls short of the cgroup's: the accounting check. */
  static final String LISTENER_SHORTFALL =
      "The listener's figure undercounts: OpenSSH 9.2's per-connection"
          + " monitor exits without waiting for its post-auth child (the session's sshd, which encrypts"
          + " the output and reaps the shell and cat), so that child is re-parented to init and its CPU"
          + " never reaches the listener's cutime/cstime (seen as zombies with parent 1 in the cgroup)."
          + " The cgroup counts every process sshd forked, reaped or not.";

  private Definitions() {}
}
