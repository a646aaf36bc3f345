package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.benchmark.run.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the SFTP benchmark ({@code benchmark/run --sftp} or {@code benchmark/run
 * sftp}).
 *
 * @param fileBytes size of the single transfer's file
 * @param users users (gatling-ssh) or processes (OpenSSH) transferring at once
 * @param userBytes size of each concurrent user's file
 * @param repetitions single-transfer runs per client (medians are reported)
 * @param openSshConcurrent whether to run the concurrent transfers with OpenSSH's sftp too
 * @param jvmFlags flags of the gatling-ssh JVMs
 * @param root the repository's root directory
 * @param outDir where reports go
 */
public record SftpOptions(
    long fileBytes,
    int users,
    long userBytes,
    int repetitions,
    boolean openSshConcurrent,
    List<String> jvmFlags,
    Path root,
    Path outDir) {

  static final long MIB = 1024 * 1024;

  static final String JFR_FLAG = "-XX:StartFlightRecording=";

  static final String USAGE =
      String.join(
          "\n",
          "usage: benchmark/run --sftp [options]   (or: benchmark/run sftp [options])",
          "  --size-mib 256                  size of the single upload and download",
          "  --users 100                     users (and sftp processes) transferring at once",
          "  --user-mib 4                    each of those users' file size",
          "  --repetitions 3                 single-transfer runs per client (medians reported)",
          "  --no-openssh-concurrent         skip the concurrent run of OpenSSH's sftp",
          "  --jvm-flags '-Xms1g -Xmx1g ...' flags of the gatling-ssh JVMs",
          "  --jfr                           also record a JFR profile of each gatling-ssh JVM",
          "  --out DIR                       report directory (default benchmark/target)");

  /** True if {@code args} ask for the SFTP benchmark rather than the seed workload's. */
  public static boolean selected(String[] args) {
    return (args.length > 0 && args[0].equals("sftp")) || Arrays.asList(args).contains("--sftp");
  }

  /**
   * Parses the options; {@code --sftp} or a leading {@code sftp} are skipped.
   *
   * @throws IllegalArgumentException with {@link #USAGE} for help or a bad option
   */
  public static SftpOptions parse(String[] args, Path root) {
    long fileBytes = 256 * MIB;
    int users = 100;
    long userBytes = 4 * MIB;
    int repetitions = 3;
    boolean openSshConcurrent = true;
    List<String> flags = new ArrayList<>(ChildJvm.DEFAULT_FLAGS);
    boolean jfr = false;
    Path out = root.resolve("benchmark").resolve("target");
    CommandLine line =
        new CommandLine(args, args.length > 0 && args[0].equals("sftp") ? 1 : 0, USAGE);
    while (line.advance()) {
      switch (line.option()) {
        case "--sftp" -> {}
        case "--size-mib" -> fileBytes = mebibytes(line.value());
        case "--users" -> users = line.intValue();
        case "--user-mib" -> userBytes = mebibytes(line.value());
        case "--repetitions" -> repetitions = line.intValue();
        case "--no-openssh-concurrent" -> openSshConcurrent = false;
        case "--jvm-flags" -> flags = line.flagsValue();
        case "--jfr" -> jfr = true;
        case "--out" -> out = Path.of(line.value());
        default -> throw line.unknown();
      }
    }
    if (fileBytes < 1 || users < 1 || userBytes < 1 || repetitions < 1) {
      throw line.invalid("sizes, users and repetitions must be positive");
    }
    List<String> jvmFlags = new ArrayList<>(flags);
    if (jfr) {
      // a directory: each JVM writes its own recording there, named by its pid and start time
      jvmFlags.add(
          JFR_FLAG + "settings=profile,filename=" + out.toAbsolutePath().resolve("sftp-jfr") + "/");
    }
    return new SftpOptions(
        fileBytes, users, userBytes, repetitions, openSshConcurrent, jvmFlags, root, out);
  }

  private static long mebibytes(String value) {
    return Math.round(Double.parseDouble(value) * MIB);
  }

  /** The options as a line of the log and the report. */
  String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "one %s upload and download, %d repetitions; %d users at once with %s each%s",
        Sizes.mib(fileBytes),
        repetitions,
        users,
        Sizes.mib(userBytes),
        openSshConcurrent ? "" : " (gatling-ssh only)");
  }
}
