package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.run.CommandLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command-line options of the hold mode ({@code benchmark/run --hold ...}).
 *
 * @param settings the scenario's numbers
 * @param clients gatling-ssh and/or bare MINA
 * @param outDir where the report goes
 * @param histograms whether the clients write class histograms (before and held) too
 */
record HoldOptions(HoldSettings settings, List<Client> clients, Path outDir, boolean histograms) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: benchmark/run --hold [options]",
          "  --users 10000         sessions, all held at once after the ramp",
          "  --ramp-seconds 30     time over which they connect",
          "  --hold-seconds 60     how long each session is held (> ramp + 2 echo periods)",
          "  --echo-seconds 10     one echo per session per period while held",
          "  --clients gatling,mina",
          "  --out DIR             report directory (default benchmark/target)",
          "  --histograms          class histograms before and held, in each client's run files");

  static HoldOptions parse(String[] args, Path root) {
    HoldSettings d = HoldSettings.DEFAULT;
    int users = d.users();
    Duration ramp = d.ramp();
    Duration hold = d.hold();
    Duration echo = d.echo();
    List<Client> clients = List.of(Client.GATLING, Client.MINA);
    Path out = root.resolve("benchmark").resolve("target");
    boolean histograms = false;
    CommandLine line = new CommandLine(args, 0, USAGE);
    while (line.advance()) {
      switch (line.option()) {
        case "--users" -> users = line.intValue();
        case "--ramp-seconds" -> ramp = Duration.ofSeconds(line.longValue());
        case "--hold-seconds" -> hold = Duration.ofSeconds(line.longValue());
        case "--echo-seconds" -> echo = Duration.ofSeconds(line.longValue());
        case "--clients" -> clients = Client.parse(line.listValue());
        case "--out" -> out = Path.of(line.value());
        case "--histograms" -> histograms = true;
        default -> throw line.unknown();
      }
    }
    if (clients.isEmpty() || !List.of(Client.GATLING, Client.MINA).containsAll(clients)) {
      throw line.invalid("the hold mode runs gatling and/or mina");
    }
    return new HoldOptions(
        new HoldSettings(users, ramp, hold, echo, d.quiet()),
        List.copyOf(clients),
        out,
        histograms);
  }
}
