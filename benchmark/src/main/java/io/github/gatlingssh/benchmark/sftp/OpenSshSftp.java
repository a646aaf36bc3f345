package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.cpu.ProcStat;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.run.NegotiationProbe;
import io.github.gatlingssh.benchmark.run.OpenSshRun;
import io.github.gatlingssh.benchmark.run.TargetServer;
import io.github.gatlingssh.client.Negotiated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's {@code sftp} in batch mode ({@code -b}), default pipelining (64 requests of 32 KiB in
 * flight, as gatling-ssh's). Its CPU is what this JVM's cutime and cstime gain when it reaps the
 * process: sftp's own, plus that of the ssh child it forks and waits for (which does the
 * encryption), exec and start-up included.
 */
final class OpenSshSftp {
  static final String LABEL = "OpenSSH sftp";

  /** N processes at once, each in its own directory with its batch file; bash records the times. */
  private static final String CONCURRENT =
      "LC_ALL=C; cd \"$1\"; n=$2; shift 2; for i in $(seq 1 \"$n\"); do"
          + " ( cd \"$i\" && s=$EPOCHREALTIME; \"$@\" > out 2>&1; rc=$?;"
          + " echo \"$s $EPOCHREALTIME $rc\" > time ) & done; wait";

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final TargetServer server;
  private final String cipher;

  /**
   * @param cipher the cipher to insist on (gatling-ssh's), null for OpenSSH's own choice
   */
  OpenSshSftp(TargetServer server, String cipher) {
    this.server = server;
    this.cipher = cipher;
  }

  /** The algorithms sftp's ssh negotiates, from its debug log. */
  Negotiated negotiated(Path dir) {
    Path batch = LocalFiles.write(dir.resolve("probe.batch"), "pwd\n");
    try {
      return NegotiationProbe.parseSshVerbose(
          OpenSshRun.output(command(batch, true), Duration.ofSeconds(30)));
    } catch (RuntimeException e) {
      System.err.println("sftp negotiation probe failed: " + e);
      return Negotiated.UNKNOWN;
    }
  }

  /**
   * The single upload, then the single download, each in its own sftp process, less a process that
   * only connects: the figures are the transfers' alone, as gatling-ssh's requests.
   */
  List<Measured> single(Path dir, TransferFiles files, long bytes) {
    // a batch of only a comment: sftp connects, opens its channel, reads the start directory, exits
    Measured connectOnly = run(dir, "connect", "# connect only\n", 0);
    Path remote = files.remoteDir().resolve("up-sftp.bin");
    Path local = files.downloads().resolve("sftp.bin");
    Measured up = run(dir, "upload", SftpCommand.line("put", files.bigLocal(), remote), bytes);
    Measured down = run(dir, "download", SftpCommand.line("get", files.bigRemote(), local), bytes);
    return List.of(
        lessConnect(down, connectOnly, LocalFiles.size(local)),
        lessConnect(up, connectOnly, LocalFiles.size(remote)));
  }

  /** One sftp process running the batch {@code commands}, written to {@code <what>.batch}. */
  private Measured run(Path dir, String what, String commands, long bytes) {
    return run(LocalFiles.write(dir.resolve(what + ".batch"), commands), what, bytes);
  }

  /** A transfer's process less the connect-only process; raw figures kept for the JSON report. */
  static Measured lessConnect(Measured process, Measured connectOnly, long transferred) {
    List<String> errors = new ArrayList<>(process.errors());
    errors.addAll(connectOnly.errors());
    if (transferred != process.bytes()) {
      errors.add(process.what() + ": " + transferred + " of " + process.bytes() + " bytes");
    }
    Map<String, Double> raw = new LinkedHashMap<>();
    raw.put("processWallMs", process.wallMs());
    raw.put("processCpuMs", process.cpuMs());
    raw.put("connectOnlyWallMs", connectOnly.wallMs());
    raw.put("connectOnlyCpuMs", connectOnly.cpuMs());
    return new Measured(
        LABEL,
        process.what(),
        process.bytes(),
        process.wallMs() - connectOnly.wallMs(),
        process.cpuMs() - connectOnly.cpuMs(),
        raw,
        errors);
  }

  /** One sftp process running {@code batch}: wall time and CPU, raw (connect and exit included). */
  Measured run(Path batch, String what, long bytes) {
    ProcStat.ProcessTimes before = ProcStat.self();
    long start = System.nanoTime();
    String output = OpenSshRun.output(command(batch, false), TIMEOUT);
    double wall = (System.nanoTime() - start) / 1e6;
    ProcStat.ProcessTimes after = ProcStat.self();
    double cpu = ProcStat.millis(children(after) - children(before));
    return new Measured(LABEL, what, bytes, wall, cpu, Map.of(), problems(output));
  }

  /**
   * {@code users} sftp processes at once, each putting {@code source} to {@code up-sftp-<i>.bin} on
   * the server and getting it back into {@code downloads}.
   */
  Concurrent concurrent(Path dir, int users, TransferFiles files, long userBytes) {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", CONCURRENT, "bash", dir.toString()));
    cmd.add(Integer.toString(users));
    cmd.addAll(command(Path.of("batch"), false));
    for (int i = 1; i <= users; i++) {
      Path remote = files.remoteDir().resolve("up-sftp-" + i + ".bin");
      LocalFiles.write(
          LocalFiles.create(dir.resolve(Integer.toString(i))).resolve("batch"),
          SftpCommand.line("put", files.smallLocal(), remote)
              + SftpCommand.line("get", remote, files.downloads().resolve("sftp-" + i + ".bin")));
    }
    ProcStat.ProcessTimes before = ProcStat.self();
    OpenSshRun.output(cmd, TIMEOUT);
    ProcStat.ProcessTimes after = ProcStat.self();

    List<String> errors = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= users; i++) {
      Path own = dir.resolve(Integer.toString(i));
      try {
        Span span = Span.parse(Files.readString(own.resolve("time")));
        spans.add(span);
        long up = LocalFiles.size(files.remoteDir().resolve("up-sftp-" + i + ".bin"));
        long down = LocalFiles.size(files.downloads().resolve("sftp-" + i + ".bin"));
        if (span.exitCode() != 0 || up != userBytes || down != userBytes) {
          errors.add(
              "sftp #"
                  + i
                  + ": "
                  + span
                  + ", put "
                  + up
                  + " B, got "
                  + down
                  + " B: "
                  + Files.readString(own.resolve("out")).strip());
        }
      } catch (IOException | RuntimeException e) {
        errors.add("sftp #" + i + ": " + e);
      }
    }
    double cpu = ProcStat.millis(children(after) - children(before));
    List<PhaseRecord> processes =
        spans.stream()
            .map(
                s ->
                    new PhaseRecord(
                        "sftp process (connect, put, get, exit)",
                        s.startMs(),
                        s.endMs(),
                        s.exitCode() == 0,
                        ""))
            .toList();
    return Concurrent.of(LABEL, users, userBytes, processes, (from, to) -> cpu, errors);
  }

  private List<String> command(Path batch, boolean verbose) {
    return SftpCommand.of(OpenSshRun.ssh(server), cipher, batch, verbose);
  }

  /** sftp -b echoes each command as "sftp> ..."; anything else it prints is a problem. */
  private static List<String> problems(String output) {
    return output.lines().filter(l -> !l.isBlank() && !l.startsWith("sftp> ")).toList();
  }

  private static long children(ProcStat.ProcessTimes t) {
    return t.cutime() + t.cstime();
  }
}
