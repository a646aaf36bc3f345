package io.github.gatlingssh.benchmark;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.ChildJvm;
import io.github.gatlingssh.benchmark.run.CommandLine;
import java.nio.file.Path;
import java.util.List;

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
 * @param atOnce whether to run the N-at-once mode (--mode once or both)
 * @param steady whether to run the steady-state mode (--mode steady or both)
 * @param steadyUsers concurrent users of the steady state
 * @param steadySeconds how long the steady state's users loop
 * @param clientsExplicit whether --clients was given: a client asked for by name must run
 */
record BenchmarkOptions(
    List<Integer> users,
    int repetitions,
    List<Client> clients,
    boolean ramp,
    List<String> jvmFlags,
    Path root,
    Path outDir,
    boolean minaWarmUp,
    boolean atOnce,
    boolean steady,
    int steadyUsers,
    int steadySeconds,
    boolean clientsExplicit) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: benchmark/run [options]",
          "  --users 1,10,50,100,200         N values: N sessions started at once",
          "  --repetitions 3                 runs per client and N (medians are reported)",
          "  --clients gatling,mina,openssh,go  which clients to run (go: skipped when it cannot be",
          "                                  built, unless named here)",
          "  --mode once|steady|both         N at once, steady state (users looping), or both",
          "  --steady-users 100              concurrent users of the steady state",
          "  --steady-seconds 60             how long they loop (after each client's warm-up)",
          "  --no-ramp                       skip the ramp mode (1 to 200 users, HTML report)",
          "  --jvm-flags '-Xms1g -Xmx1g ...' flags of the gatling-ssh and bare MINA JVMs",
          "  --out DIR                       report directory (default benchmark/target)",
          "  --no-mina-warm-up               bare MINA without gatling-ssh's JIT warm-up (analysis)",
          "  --sftp (or first word: sftp)    the SFTP benchmark instead: benchmark/run --sftp --help",
          "benchmark/run --hold [--help]     instead: 10,000 sessions held, heap per session");

  static BenchmarkOptions parse(String[] args, Path root) {
    List<Integer> users = List.of(1, 10, 50, 100, 200);
    int repetitions = 3;
    List<Client> clients = List.of(Client.values());
    boolean ramp = true;
    List<String> flags = ChildJvm.DEFAULT_FLAGS;
    Path out = root.resolve("benchmark").resolve("target");
    boolean minaWarmUp = true;
    String mode = "both";
    int steadyUsers = 100;
    int steadySeconds = 60;
    boolean clientsExplicit = false;
    CommandLine line = new CommandLine(args, 0, USAGE);
    while (line.advance()) {
      switch (line.option()) {
        case "--users" -> users = line.listValue().stream().map(Integer::parseInt).toList();
        case "--repetitions" -> repetitions = line.intValue();
        case "--clients" -> {
          clients = Client.parse(line.listValue());
          clientsExplicit = true;
        }
        case "--mode" -> mode = line.value();
        case "--steady-users" -> steadyUsers = line.intValue();
        case "--steady-seconds" -> steadySeconds = line.intValue();
        case "--no-ramp" -> ramp = false;
        case "--jvm-flags" -> flags = line.flagsValue();
        case "--out" -> out = Path.of(line.value());
        case "--no-mina-warm-up" -> minaWarmUp = false;
        default -> throw line.unknown();
      }
    }
    if (users.stream().anyMatch(n -> n < 1)
        || repetitions < 1
        || steadyUsers < 1
        || steadySeconds < 1) {
      throw line.invalid(
          "users, repetitions and the steady state's users and seconds must be positive");
    }
    if (!List.of("once", "steady", "both").contains(mode)) {
      throw line.invalid("--mode is once, steady or both, not " + mode);
    }
    return new BenchmarkOptions(
        List.copyOf(users),
        repetitions,
        List.copyOf(clients),
        ramp,
        List.copyOf(flags),
        root,
        out,
        minaWarmUp,
        !mode.equals("steady"),
        !mode.equals("once"),
        steadyUsers,
        steadySeconds,
        clientsExplicit);
  }

  /**
   * These options without a client that cannot run.
   *
   * @throws IllegalArgumentException if the client was asked for by name (--clients)
   */
  BenchmarkOptions without(Client client, String why) {
    if (clientsExplicit) {
      throw new IllegalArgumentException(
          client.label + " was asked for (--clients) but cannot run: " + why);
    }
    return new BenchmarkOptions(
        users,
        repetitions,
        clients.stream().filter(c -> c != client).toList(),
        ramp,
        jvmFlags,
        root,
        outDir,
        minaWarmUp,
        atOnce,
        steady,
        steadyUsers,
        steadySeconds,
        false);
  }

  String describe() {
    return "users "
        + users
        + ", "
        + repetitions
        + " repetitions, clients "
        + clients
        + (atOnce ? ", N at once" : "")
        + (steady ? ", steady state: " + steadyUsers + " users for " + steadySeconds + " s" : "")
        + (ramp ? ", ramp mode" : "")
        + (minaWarmUp ? "" : ", bare MINA without JIT warm-up");
  }
}
