package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.report.Format;
import io.github.gatlingssh.benchmark.report.ReportFiles;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.benchmark.run.CommandLine;
import io.github.gatlingssh.benchmark.run.Environment;
import io.github.gatlingssh.benchmark.run.NegotiationProbe;
import io.github.gatlingssh.benchmark.run.RunContext;
import io.github.gatlingssh.benchmark.run.TargetServer;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SFTP benchmark (issue 8), {@code benchmark/run --sftp}: on the seed benchmark's private
 * OpenSSH sshd ({@code Subsystem sftp internal-sftp}), gatling-ssh against OpenSSH's {@code sftp
 * -b} in the same run, same files, OpenSSH told to use gatling-ssh's cipher:
 *
 * <ol>
 *   <li>one 256 MiB download and one 256 MiB upload per client, repeated 3 times (interleaved);
 *   <li>100 users each uploading then downloading 4 MiB, all at once: gatling-ssh's 100 virtual
 *       users in one JVM, then 100 sftp processes.
 * </ol>
 *
 * <p>It reports wall time, MiB/s and client CPU per MiB ({@link SftpMarkdown}), writes {@code
 * benchmark/target/sftp-<timestamp>.md} and {@code .json} (copied to {@code sftp-latest.*}) and
 * keeps each run's files under {@code benchmark/target/sftp-runs/<timestamp>/}. The transferred
 * files live in a temporary directory and the server's, both deleted at the end.
 */
public final class SftpBenchmark {
  private SftpBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @return the process exit code: 0, or 2 for bad options
   */
  public static int run(String[] args, Path root) {
    return CommandLine.run(
        () -> SftpOptions.parse(args, root), SftpOptions.USAGE, SftpBenchmark::run);
  }

  private static int run(SftpOptions options) {
    long start = System.nanoTime();
    String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    // JFR writes into a directory (one recording per JVM) only if it exists
    options.jvmFlags().stream()
        .filter(f -> f.startsWith(SftpOptions.JFR_FLAG))
        .forEach(f -> LocalFiles.create(Path.of(f.substring(f.indexOf("filename=") + 9))));
    ChildJvm jvm =
        ChildJvm.forSimulation(
            options.jvmFlags(), options.root(), GatlingSftp.SIMULATION, "benchmark/run --sftp");
    Path runsDir = options.outDir().resolve("sftp-runs").resolve(timestamp);
    log(options.describe());
    try (TargetServer server = TargetServer.start();
        TransferFiles files = TransferFiles.create(server, options)) {
      Map<String, Object> environment = Environment.describe(server, jvm, options.root());
      environment.remove("file");
      double idle = Environment.machineLoad(2000);
      environment.put("machineBusyBeforeRuns", idle);
      log(
          server.describe()
              + "; machine busy before the runs: "
              + Format.percent(idle)
              + (idle > 0.05 ? ", expect noisy results" : ""));
      RunContext ctx = new RunContext(server, jvm, runsDir, true);
      Negotiated gatling = NegotiationProbe.gatlingSsh(server);
      String cipher = gatling.cipher().equals("?") ? null : gatling.cipher();
      OpenSshSftp openssh = new OpenSshSftp(server, cipher);
      Map<String, Negotiated> negotiated = new LinkedHashMap<>();
      negotiated.put(GatlingSftp.LABEL, gatling);
      negotiated.put(OpenSshSftp.LABEL, openssh.negotiated(LocalFiles.create(runsDir)));
      negotiated.forEach((c, n) -> log(c + " negotiates " + SftpMarkdown.algorithms(n)));

      List<Measured> singles = new ArrayList<>();
      for (int rep = 1; rep <= options.repetitions(); rep++) {
        Environment.awaitQuietMachine();
        singles.addAll(
            progress(
                GatlingSftp.single(
                    ctx, runsDir.resolve("gatling-single-r" + rep), files, options.fileBytes())));
        files.clean();
        Environment.awaitQuietMachine();
        singles.addAll(
            progress(
                openssh.single(
                    LocalFiles.create(runsDir.resolve("openssh-single-r" + rep)),
                    files,
                    options.fileBytes())));
        files.clean();
      }
      List<Concurrent> concurrent = new ArrayList<>();
      Environment.awaitQuietMachine();
      concurrent.add(
          GatlingSftp.concurrent(
              ctx,
              runsDir.resolve("gatling-concurrent"),
              files,
              options.users(),
              options.userBytes()));
      progress(List.of(concurrent.get(0).total()));
      files.clean();
      if (options.openSshConcurrent()) {
        Environment.awaitQuietMachine();
        concurrent.add(
            openssh.concurrent(
                LocalFiles.create(runsDir.resolve("openssh-concurrent")),
                options.users(),
                files,
                options.userBytes()));
        progress(List.of(concurrent.get(1).total()));
        files.clean();
      }
      SftpResult result =
          new SftpResult(
              timestamp,
              (System.nanoTime() - start) / 1e9,
              options,
              environment,
              negotiated,
              singles,
              concurrent);
      ReportFiles.publish(
          "sftp benchmark",
          options.outDir(),
          "sftp",
          timestamp,
          SftpMarkdown.render(result),
          result.json());
      log("per-run files: " + runsDir);
    }
    return 0;
  }

  private static List<Measured> progress(List<Measured> measured) {
    for (Measured m : measured) {
      log(
          String.format(
              java.util.Locale.ROOT,
              "%-12s %-40s %s, %s, client CPU %s/MiB%s",
              m.client(),
              m.what(),
              Format.millis(m.wallMs()),
              Sizes.rate(m.mibPerSecond()),
              Format.millis(m.cpuMsPerMib()),
              m.errors().isEmpty()
                  ? ""
                  : ", errors: " + m.errors().subList(0, Math.min(3, m.errors().size()))));
    }
    return measured;
  }

  private static void log(String message) {
    ReportFiles.log("sftp benchmark", message);
  }
}
