package io.github.gatlingssh.benchmark.profile;

import io.github.gatlingssh.testkit.embedded.SeedFile;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import io.github.gatlingssh.testkit.openssh.SshdOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A standalone harness to profile gatling-ssh's client in steady state (not part of {@code
 * benchmark/run}): starts a private OpenSSH sshd on 127.0.0.1, runs {@link SteadySimulation} in
 * this JVM (N users looping the seed sequence) and prints the client CPU per session over a window
 * after a warm-up. Run it with the JVM flags to compare (JDK, collector, Flight Recorder):
 *
 * <pre>
 * java [-Dprofile.jfr=window.jfr [-Dprofile.jfc=profile|FILE.jfc]] \
 *   -cp benchmark/target/classes:$(cat benchmark/target/runtime-classpath.txt) \
 *   io.github.gatlingssh.benchmark.profile.SteadyProfile [users] [warmSeconds] [windowSeconds]
 * </pre>
 */
public final class SteadyProfile {
  private SteadyProfile() {}

  /**
   * Waits for the first session to end (the JIT warm-up and the start are over), then {@code warm}
   * seconds, then measures {@code window} seconds, with a Flight Recording of exactly that window
   * when {@code -Dprofile.jfr=FILE} is set ({@code -Dprofile.jfc=} names its settings, default
   * "profile").
   */
  private static String measure(int warm, int window) throws Exception {
    awaitSteadyState(warm);
    String jfr = System.getProperty("profile.jfr");
    Recording recording = null;
    if (jfr != null) {
      String jfc = System.getProperty("profile.jfc", "profile");
      Configuration c =
          jfc.endsWith(".jfc")
              ? Configuration.create(Path.of(jfc))
              : Configuration.getConfiguration(jfc);
      recording = new Recording(c);
      recording.start();
    }
    SteadyWindow.Snapshot a = SteadyWindow.Snapshot.take();
    Thread.sleep(window * 1000L);
    SteadyWindow.Snapshot b = SteadyWindow.Snapshot.take();
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
      recording.close();
    }
    return SteadyWindow.report(a, b);
  }

  /** Waits for the first session to end (JIT warm-up and start over), then {@code warm} seconds. */
  static void awaitSteadyState(int warm) throws InterruptedException {
    while (SteadyWindow.Snapshot.take().sessions() == 0) {
      Thread.sleep(100);
    }
    Thread.sleep(warm * 1000L);
  }

  /** Arguments: users (100), warm-up seconds (20), window seconds (30). */
  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int window = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    String[] report = new String[1];
    int exit = run(users, warm + window, () -> report[0] = measure(warm, window));
    System.out.println(report[0] == null ? "no window measured" : report[0]);
    System.exit(exit);
  }

  /**
   * Starts a private sshd, runs {@link SteadySimulation} in this JVM with {@code users} users for
   * at least {@code seconds}, and meanwhile calls {@code window} on its own thread
   * ("profile-window", so its CPU is told apart); the simulation stops once the window is measured.
   *
   * @return Gatling's exit code
   */
  static int run(int users, int seconds, Callable<String> window) throws Exception {
    try (PrivateSshd sshd =
        PrivateSshd.start(
            SshdOptions.builder().maxStartups("1000:30:1000").maxSessions(10).build())) {
      Path file = sshd.createDataFile("seed.txt", SeedFile.content());
      System.setProperty("profile.port", Integer.toString(sshd.port()));
      System.setProperty("profile.username", sshd.username());
      System.setProperty("profile.key", sshd.userKey().toString());
      System.setProperty("profile.knownHosts", sshd.knownHostsFile().toString());
      System.setProperty("profile.file", file.toString());
      System.setProperty("profile.users", Integer.toString(users));
      // the JIT warm-up and the start take a while on a loaded machine: the window starts later
      System.setProperty("profile.seconds", Integer.toString(seconds + 120));
      Thread meter =
          new Thread(
              () -> {
                try {
                  window.call();
                } catch (Exception e) {
                  System.out.println("window failed: " + e);
                }
              },
              "profile-window");
      meter.setDaemon(true);
      meter.start();
      int exit =
          io.gatling.app.Gatling$.MODULE$.fromArgs(
              new String[] {
                "-s", SteadySimulation.class.getName(), "-rf", "benchmark/target/profile", "-nr"
              });
      meter.join(5000);
      meter.interrupt();
      return exit;
    }
  }
}
