package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.run.RampRun;
import java.util.Map;

/**
 * A concurrent run: all users' transfers together (window from the first user's start to the last
 * one's end), and per-request latencies (gatling-ssh: each request from simulation.log; OpenSSH:
 * each sftp process).
 */
record Concurrent(Measured total, Map<String, RampRun.RequestStats> requests) {

  static String what(int users, long userBytes) {
    return users + " users x (upload + download of " + Sizes.mib(userBytes) + ")";
  }
}
