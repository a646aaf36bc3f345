package io.github.gatlingssh.benchmark.sftp;

import io.github.gatlingssh.benchmark.report.EnvironmentSection;
import io.github.gatlingssh.benchmark.report.Format;
import io.github.gatlingssh.benchmark.report.MarkdownTable;
import io.github.gatlingssh.benchmark.report.RequestTable;
import io.github.gatlingssh.client.Negotiated;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The SFTP benchmark's Markdown report. */
final class SftpMarkdown {
  private static final List<String> DEFINITIONS =
      List.of(
          "Single transfers: gatling-ssh's time is the request's response time in simulation.log"
              + " (open, every READ or WRITE, close; the connection and its SFTP channel are already"
              + " open); OpenSSH's is its sftp process's (exec to exit) less that of an sftp process"
              + " whose batch is empty (it connects, opens the SFTP channel and exits), same for CPU. Both read or write a local file.",
          "Client CPU: gatling-ssh's JVM process CPU in the request's window, from 5 ms samples"
              + " taken inside the JVM (JIT compiler and GC included, the sampler excluded);"
              + " OpenSSH's is sftp's plus its ssh child's (this JVM's cutime + cstime when it reaps"
              + " sftp, 10 ms ticks). Cores = CPU / wall time.",
          "Concurrent run: the window is the first user's connect to the last user's disconnect"
              + " (OpenSSH: first sftp process start to last exit), so it holds the handshakes; the"
              + " aggregate throughput is all bytes moved (up and down) over that window.",
          "gatling-ssh warms its JIT up first: one user uploads and downloads a 64 MiB file five"
              + " times (not measured), as OpenSSH's native code needs no warm-up.");

  /** The CPU sampler's own thread: not client CPU, left out of the thread table. */
  private static final String SAMPLER = "cpu benchmark sampler";

  private SftpMarkdown() {}

  static String render(SftpResult r) {
    StringBuilder md = new StringBuilder();
    environment(md, r);
    SftpOptions o = r.options();
    md.append("\n## One ")
        .append(Sizes.mib(o.fileBytes()))
        .append(" transfer (median of ")
        .append(o.repetitions())
        .append(" runs)\n\n");
    MarkdownTable.header(
        md,
        List.of("transfer", "client"),
        List.of(
            "time",
            "throughput",
            "client CPU",
            "CPU per MiB",
            "cores",
            "errors",
            "CPU per MiB without JIT"));
    for (Measured m : r.medians()) {
      md.append("| ").append(m.what()).append(" | ").append(m.client()).append(" |");
      row(md, m, Format.millis(m.cpuMsPerMibWithoutJit()));
    }
    md.append('\n');
    for (String what : List.of("download", "upload")) {
      double ratio = r.throughputRatio(what);
      md.append("- ")
          .append(what)
          .append(": gatling-ssh / OpenSSH sftp throughput ")
          .append(String.format(Locale.ROOT, "%.2f", ratio))
          .append(
              Double.isNaN(ratio)
                  ? ""
                  : ratio >= 1 ? " (goal >= 1: met)" : " (goal >= 1: **not met**)")
          .append('\n');
    }
    threadGroups(md, r);

    for (Concurrent c : r.concurrent()) {
      if (c == r.concurrent().get(0)) {
        md.append("\n## ").append(c.total().what()).append(", all at once\n\n");
        MarkdownTable.header(
            md,
            List.of("client"),
            List.of(
                "window",
                "aggregate throughput",
                "client CPU",
                "CPU per MiB",
                "cores",
                "errors",
                "CPU per MiB without JIT"));
      }
      md.append("| ").append(c.total().client()).append(" |");
      row(md, c.total(), Format.millis(c.total().cpuMsPerMibWithoutJit()));
    }
    for (Concurrent c : r.concurrent()) {
      md.append("\n").append(c.total().client()).append(":\n\n");
      RequestTable.append(md, c.requests());
    }
    errors(md, r);
    md.append("\n## Definitions\n\n");
    DEFINITIONS.forEach(d -> md.append("- ").append(d).append('\n'));
    return md.toString();
  }

  /** The figures of a row, then {@code extra} cells. */
  private static void row(StringBuilder md, Measured m, String... extra) {
    md.append(' ')
        .append(
            String.join(
                " | ",
                Format.millis(m.wallMs()),
                Sizes.rate(m.mibPerSecond()),
                Format.millis(m.cpuMs()),
                Format.millis(m.cpuMsPerMib()),
                Double.isNaN(m.cores()) ? "n/a" : String.format(Locale.ROOT, "%.2f", m.cores()),
                Integer.toString(m.errors().size())));
    for (String cell : extra) {
      md.append(" | ").append(cell);
    }
    md.append(" |\n");
  }

  private static void environment(StringBuilder md, SftpResult r) {
    Map<String, Object> env = r.environment();
    md.append("# gatling-ssh SFTP benchmark, ").append(r.timestamp()).append("\n\n");
    md.append("- ").append(r.options().describe()).append('\n');
    EnvironmentSection.where(md, env);
    md.append(
        String.format(
            Locale.ROOT,
            "- Clients: gatling-ssh (SftpBenchSimulation, the plugin's sftp actions, 64 x 32 KiB in"
                + " flight; %s, a fresh JVM per run: `%s`); OpenSSH sftp -b (%s, default -R 64"
                + " -B 32768), on the same CPUs as the server%n",
            env.get("java"),
            env.get("childJvmFlags"),
            env.get("sshClient")));
    md.append("- SFTP server: sshd's `Subsystem sftp internal-sftp`\n");
    r.negotiated()
        .forEach(
            (client, n) ->
                md.append("- Negotiated by ")
                    .append(client)
                    .append(": ")
                    .append(algorithms(n))
                    .append('\n'));
    EnvironmentSection.machineBusy(md, env);
    md.append(String.format(Locale.ROOT, "- Benchmark wall time %.0f s%n", r.wallSeconds()));
  }

  static String algorithms(Negotiated n) {
    return n.kex() + ", " + n.hostKey() + ", " + n.cipher() + ", MAC " + n.mac();
  }

  /** gatling-ssh's CPU per thread group in the single transfers (medians). */
  private static void threadGroups(StringBuilder md, SftpResult r) {
    List<Measured> gatling =
        r.medians().stream().filter(m -> m.client().equals(GatlingSftp.LABEL)).toList();
    TreeSet<String> groups = new TreeSet<>();
    gatling.forEach(
        m ->
            m.raw().keySet().stream()
                .filter(k -> k.startsWith("cpu ") && !k.equals(SAMPLER))
                .forEach(groups::add));
    if (groups.isEmpty()) {
      return;
    }
    md.append("\ngatling-ssh's CPU by thread group in the single transfers (medians):\n\n");
    MarkdownTable.header(
        md, List.of("transfer"), groups.stream().map(g -> g.substring(4)).toList());
    for (Measured m : gatling) {
      md.append("| ").append(m.what()).append(" |");
      groups.forEach(
          g ->
              md.append(' ')
                  .append(Format.millis(m.raw().getOrDefault(g, Double.NaN)))
                  .append(" |"));
      md.append('\n');
    }
  }

  private static void errors(StringBuilder md, SftpResult r) {
    List<String> all =
        java.util.stream.Stream.concat(
                r.singles().stream(), r.concurrent().stream().map(Concurrent::total))
            .flatMap(m -> m.errors().stream().map(e -> m.client() + ", " + m.what() + ": " + e))
            .toList();
    if (!all.isEmpty()) {
      md.append("\n## Errors (first 10 of ").append(all.size()).append(")\n\n");
      all.stream().limit(10).forEach(e -> md.append("- ").append(e).append('\n'));
    }
  }
}
