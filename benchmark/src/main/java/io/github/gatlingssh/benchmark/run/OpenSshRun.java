package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.cpu.ProcStat;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RunResult;
import io.github.gatlingssh.client.Negotiated;
import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * OpenSSH's own client, for scale: N {@code ssh} processes started at once by one bash, one {@code
 * cat} each. Total = first launch to last exit; client CPU = everything the N processes (and that
 * bash) used, exec and start-up included, read from this JVM's cutime/cstime when it reaps the
 * bash, which reaped them.
 */
public final class OpenSshRun {
  private OpenSshRun() {}

  /** The ssh command line, without the remote command: no config files, no agent, curve25519. */
  public static List<String> ssh(TargetServer s) {
    return List.of(
        "ssh",
        "-F",
        "/dev/null",
        "-T",
        "-o",
        "BatchMode=yes",
        "-o",
        "KexAlgorithms=curve25519-sha256",
        "-o",
        "UserKnownHostsFile=" + s.sshd().knownHostsFile(),
        "-o",
        "GlobalKnownHostsFile=/dev/null",
        "-o",
        "StrictHostKeyChecking=yes",
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "IdentityAgent=none",
        "-o",
        "LogLevel=ERROR",
        "-i",
        s.sshd().userKey().toString(),
        "-p",
        Integer.toString(s.sshd().port()),
        "-l",
        s.sshd().username(),
        s.sshd().host());
  }

  public static RunResult atOnce(RunContext ctx, int users, int repetition) {
    Path dir =
        Measurements.createDir(ctx.runsDir().resolve("openssh-n" + users + "-r" + repetition));
    TargetServer s = ctx.server();
    String command = quote(ssh(s)) + " " + quote(List.of("cat " + s.dataFile()));
    String script =
        "pids=(); for i in $(seq 1 "
            + users
            + "); do "
            + command
            + " > \"$1/$i.out\" 2> \"$1/$i.err\" & pids+=($!); done; "
            + "failed=0; for p in \"${pids[@]}\"; do wait \"$p\" || failed=$((failed+1)); done; "
            + "echo $failed";
    Measurements.Server server = Measurements.Server.before(s);
    ProcStat.ProcessTimes selfBefore = ProcStat.self();
    ProcStat.MachineTimes machineBefore = ProcStat.machine();
    long start = System.nanoTime();
    String out =
        output(List.of("bash", "-c", script, "bash", dir.toString()), Duration.ofMinutes(3));
    double wall = (System.nanoTime() - start) / 1e6;
    ProcStat.MachineTimes machineAfter = ProcStat.machine();
    ProcStat.ProcessTimes selfAfter = ProcStat.self();
    TargetServer.Cpu serverCpu = server.after();

    List<String> errors = checkOutputs(dir, users);
    if (!out.strip().equals("0")) {
      errors.add(0, out.strip() + " ssh processes failed");
    }
    long childTicks =
        (selfAfter.cutime() + selfAfter.cstime()) - (selfBefore.cutime() + selfBefore.cstime());
    double busy = ProcStat.millis(machineAfter.busy() - machineBefore.busy());
    double capacity = ProcStat.millis(machineAfter.total() - machineBefore.total());
    return new RunResult(
        Client.OPENSSH,
        users,
        repetition,
        null,
        wall,
        ProcStat.millis(childTicks),
        Double.NaN,
        serverCpu.best(),
        serverCpu.procMs(),
        serverCpu.cgroupMs(),
        busy,
        capacity > 0 ? busy / capacity : Double.NaN,
        Map.of(),
        errors.size(),
        Measurements.errorSamples(errors),
        wall,
        Negotiated.UNKNOWN,
        Double.NaN,
        Map.of());
  }

  /** Checks each process's output; deletes the files of those that printed the file exactly. */
  private static List<String> checkOutputs(Path dir, int users) {
    byte[] expected = SeedFile.content();
    List<String> errors = new ArrayList<>();
    for (int i = 1; i <= users; i++) {
      try {
        Path out = dir.resolve(i + ".out");
        Path err = dir.resolve(i + ".err");
        byte[] got = Files.readAllBytes(out);
        String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
        if (!Arrays.equals(got, expected)) {
          errors.add(
              "ssh #"
                  + i
                  + ": "
                  + got.length
                  + " bytes of output"
                  + (stderr.isEmpty() ? "" : ": " + stderr));
        } else if (stderr.isEmpty()) {
          Files.delete(out);
          Files.delete(err);
        }
      } catch (IOException e) {
        errors.add("ssh #" + i + ": " + e);
      }
    }
    return errors;
  }

  /**
   * Runs a command with no input and returns its output (stdout and stderr together).
   *
   * @throws IllegalStateException if it cannot start or does not end within {@code timeout}
   */
  public static String output(List<String> command, Duration timeout) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not end within " + timeout);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Each word single-quoted for bash. */
  static String quote(List<String> words) {
    return words.stream()
        .map(w -> "'" + w.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }
}
