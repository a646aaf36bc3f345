package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.client.Negotiated;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The output of the bare MINA child and of the Go client: one tab-separated line per step ("R",
 * name, start, end, ok, message), one with the negotiated algorithms ("N", kex, host key, cipher,
 * MAC) and, from the Go client, its process CPU over time ("C", epoch ms, CPU ms).
 */
final class StepFile {

  /**
   * What a file holds.
   *
   * @param cpu the "C" samples: {epoch ms, process CPU ms}, in file order
   */
  record Content(List<PhaseRecord> steps, Negotiated negotiated, List<double[]> cpu) {}

  private StepFile() {}

  static String render(Collection<PhaseRecord> steps, Negotiated negotiated) {
    StringBuilder sb = new StringBuilder();
    sb.append(
            String.join(
                "\t",
                "N",
                negotiated.kex(),
                negotiated.hostKey(),
                negotiated.cipher(),
                negotiated.mac()))
        .append('\n');
    for (PhaseRecord r : steps) {
      sb.append(
          String.format(
              Locale.ROOT,
              "R\t%s\t%.3f\t%.3f\t%s\t%s%n",
              r.name(),
              r.start(),
              r.end(),
              r.ok(),
              clean(r.message())));
    }
    return sb.toString();
  }

  static Content parse(List<String> lines) {
    List<PhaseRecord> steps = new ArrayList<>();
    List<double[]> cpu = new ArrayList<>();
    Negotiated negotiated = Negotiated.UNKNOWN;
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("N") && f.length == 5) {
        negotiated = new Negotiated(f[1], f[2], f[3], f[4]);
      } else if (f[0].equals("R") && f.length == 6) {
        steps.add(
            new PhaseRecord(
                f[1],
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Boolean.parseBoolean(f[4]),
                f[5]));
      } else if (f[0].equals("C") && f.length == 3) {
        cpu.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
      } else if (!line.isBlank()) {
        throw new IllegalArgumentException("not a step line: " + line);
      }
    }
    return new Content(steps, negotiated, cpu);
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
