package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.cpu.ThreadGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one client did in one measured window: bytes moved, the window's wall time and the client's
 * CPU time in it (for OpenSSH's sftp, the sftp process and its ssh child).
 *
 * @param client the client's label
 * @param what "download", "upload", or "N users x (upload + download)"
 * @param bytes bytes transferred in the window, all directions and users together
 * @param wallMs the window, ms
 * @param cpuMs the client's CPU time in the window, ms (NaN if not measured)
 * @param raw figures before any correction, and other details, for the JSON report
 * @param errors what went wrong (empty when all transfers ended OK)
 */
record Measured(
    String client,
    String what,
    long bytes,
    double wallMs,
    double cpuMs,
    Map<String, Double> raw,
    List<String> errors) {

  /** The raw figure holding the JIT compiler threads' CPU in the window, ms. */
  static final String JIT = "cpu " + ThreadGroups.JIT;

  Measured {
    raw = new LinkedHashMap<>(raw);
    errors = List.copyOf(errors);
  }

  /** A run that produced no figures. */
  static Measured failed(String client, String what, long bytes, List<String> errors) {
    return new Measured(client, what, bytes, Double.NaN, Double.NaN, Map.of(), errors);
  }

  /** Throughput, MiB/s: bytes over the window. */
  double mibPerSecond() {
    return wallMs > 0 ? bytes / (double) SftpOptions.MIB / (wallMs / 1000) : Double.NaN;
  }

  /** Client CPU per MiB transferred, ms. */
  double cpuMsPerMib() {
    return bytes > 0 ? cpuMs / (bytes / (double) SftpOptions.MIB) : Double.NaN;
  }

  /**
   * Client CPU per MiB less the JIT compiler's (gatling-ssh's JVM still compiles during a run;
   * OpenSSH's native client has none): the transfer engine's own cost, ms.
   */
  double cpuMsPerMibWithoutJit() {
    return bytes > 0
        ? (cpuMs - raw.getOrDefault(JIT, 0.0)) / (bytes / (double) SftpOptions.MIB)
        : Double.NaN;
  }

  /** Client CPU over wall time: 1.0 = one core busy all along. */
  double cores() {
    return wallMs > 0 ? cpuMs / wallMs : Double.NaN;
  }

  boolean ok() {
    return errors.isEmpty() && !Double.isNaN(wallMs);
  }
}
