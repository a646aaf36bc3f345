package io.github.gatlingssh.benchmark.hold;

import io.github.gatlingssh.benchmark.result.Client;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--users" -> users = Integer.parseInt(value(args, ++i, a));
        case "--ramp-seconds" -> ramp = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
        case "--hold-seconds" -> hold = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
        case "--echo-seconds" -> echo = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
        case "--clients" ->
            clients =
                Arrays.stream(value(args, ++i, a).split(","))
                    .map(s -> Client.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                    .toList();
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--histograms" -> histograms = true;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (clients.contains(Client.OPENSSH) || clients.isEmpty()) {
      throw new IllegalArgumentException("the hold mode runs gatling and/or mina\n" + USAGE);
    }
    return new HoldOptions(
        new HoldSettings(users, ramp, hold, echo, d.quiet()),
        List.copyOf(clients),
        out,
        histograms);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
