package io.github.gatlingssh.benchmark;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link Benchmark}.
 *
 * @param users the N values, each a run of N sessions at once
 * @param repetitions runs per client and N
 * @param clients the clients to run
 * @param ramp whether to run the ramp mode too
 * @param jvmFlags flags of the child JVMs (gatling-ssh and bare MINA alike)
 * @param root the repository's root directory
 * @param outDir where reports go
 * @param minaWarmUp whether bare MINA warms the JIT up first, as gatling-ssh does (default)
 */
record BenchmarkOptions(
    List<Integer> users,
    int repetitions,
    List<Client> clients,
    boolean ramp,
    List<String> jvmFlags,
    Path root,
    Path outDir,
    boolean minaWarmUp) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: benchmark/run [options]",
          "  --users 1,10,50,100,200         N values: N sessions started at once",
          "  --repetitions 3                 runs per client and N (medians are reported)",
          "  --clients gatling,mina,openssh  which clients to run",
          "  --no-ramp                       skip the ramp mode (1 to 200 users, HTML report)",
          "  --jvm-flags '-Xms1g -Xmx1g ...' flags of the gatling-ssh and bare MINA JVMs",
          "  --out DIR                       report directory (default benchmark/target)",
          "  --no-mina-warm-up               bare MINA without gatling-ssh's JIT warm-up (analysis)",
          "  --sftp (or first word: sftp)    the SFTP benchmark instead: benchmark/run --sftp --help");

  static BenchmarkOptions parse(String[] args, Path root) {
    List<Integer> users = List.of(1, 10, 50, 100, 200);
    int repetitions = 3;
    List<Client> clients = List.of(Client.values());
    boolean ramp = true;
    List<String> flags = ChildJvm.DEFAULT_FLAGS;
    Path out = root.resolve("benchmark").resolve("target");
    boolean minaWarmUp = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--users" ->
            users =
                Arrays.stream(value(args, ++i, a).split(","))
                    .map(String::strip)
                    .map(Integer::parseInt)
                    .toList();
        case "--repetitions" -> repetitions = Integer.parseInt(value(args, ++i, a));
        case "--clients" ->
            clients =
                Arrays.stream(value(args, ++i, a).split(","))
                    .map(s -> Client.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                    .toList();
        case "--no-ramp" -> ramp = false;
        case "--jvm-flags" -> flags = List.of(value(args, ++i, a).trim().split("\\s+"));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--no-mina-warm-up" -> minaWarmUp = false;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (users.stream().anyMatch(n -> n < 1) || repetitions < 1) {
      throw new IllegalArgumentException("users and repetitions must be positive\n" + USAGE);
    }
    return new BenchmarkOptions(
        List.copyOf(users),
        repetitions,
        List.copyOf(clients),
        ramp,
        List.copyOf(flags),
        root,
        out,
        minaWarmUp);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  String describe() {
    return "users "
        + users
        + ", "
        + repetitions
        + " repetitions, clients "
        + clients
        + (ramp ? ", ramp mode" : "")
        + (minaWarmUp ? "" : ", bare MINA without JIT warm-up");
  }
}
