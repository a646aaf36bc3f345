package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.SimulationLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The JIT warm-up runs when a Gatling run creates the SSH components: after the simulation is
 * built, before the first user starts, once per JVM, and not at all with {@code disableWarmUp()}.
 * Checked in a fresh JVM ({@link Child}), since a warm-up done by an earlier test in this JVM would
 * hide where it starts.
 */
class WarmUpTest {
  private static final String WARM_UP_LOGGER = "io.github.gatlingssh.protocol.JvmWarmUp";

  @Test
  void theRunWarmsTheClientUpBeforeItsFirstUserOncePerJvm() throws Exception {
    List<String> lines = runChild();
    String all = String.join("\n", lines);

    List<String> disabled = lines.stream().filter(l -> l.startsWith("disabled ")).toList();
    List<String> enabled = lines.stream().filter(l -> l.startsWith("enabled ")).toList();
    List<String> again = lines.stream().filter(l -> l.startsWith("again ")).toList();
    assertThat(disabled)
        .as(all)
        .singleElement()
        .asString()
        .contains(" okConnects=2 ")
        .endsWith(" warmUps=0");
    assertThat(again)
        .as(all)
        .singleElement()
        .asString()
        .contains(" okConnects=2 ")
        .endsWith(" warmUps=0");
    assertThat(enabled)
        .as(all)
        .singleElement()
        .asString()
        .contains(" okConnects=2 ")
        .endsWith(" warmUps=1");

    String event =
        lines.stream().filter(l -> l.startsWith("warm-up enabled ")).findFirst().orElseThrow();
    String[] f = event.split(" ", 6); // warm-up enabled <timestamp> <thread> <run thread> <message>
    long warmedUpAt = Long.parseLong(f[2]);
    assertThat(f[5]).as(all).startsWith("JVM warmed up with");
    assertThat(f[3])
        .as("the warm-up blocks the thread that builds the run, not Gatling's or MINA's")
        .isEqualTo(f[4]);
    long runStart = field(enabled.get(0), "runStart");
    long firstUser = field(enabled.get(0), "firstUser");
    assertThat(warmedUpAt)
        .as("after the simulation was built (the run record's start)\n" + all)
        .isGreaterThanOrEqualTo(runStart);
    assertThat(warmedUpAt)
        .as("before the first user started\n" + all)
        .isLessThanOrEqualTo(firstUser);
  }

  private static long field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return Long.parseLong(part.substring(name.length() + 1));
      }
    }
    throw new AssertionError(name + " not in " + line);
  }

  private static List<String> runChild() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--add-opens",
                "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName())
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    try {
      boolean ended = child.waitFor(5, TimeUnit.MINUTES);
      assertThat(ended).as("child JVM ended within 5 minutes").isTrue();
      String out = output.join();
      assertThat(child.exitValue()).as(out).isZero();
      return out.lines().toList();
    } finally {
      child.destroyForcibly();
    }
  }

  /** A fresh JVM: three tiny runs, disabled, enabled, enabled again; prints what each recorded. */
  public static final class Child {
    private Child() {}

    /** Runs the three runs; prints one line per run and one per warm-up log event. */
    public static void main(String[] args) {
      try (EmbeddedSshServer server = EmbeddedSshServer.builder().build().start()) {
        SshProtocolBuilder protocol = TestProtocols.forServer(server);
        run("disabled", protocol::disableWarmUp);
        run("enabled", () -> protocol);
        run("again", () -> protocol);
      } catch (Throwable t) {
        t.printStackTrace(System.out);
        System.exit(1);
      }
      System.exit(0);
    }

    private static void run(String name, java.util.function.Supplier<SshProtocolBuilder> protocol) {
      // Gatling stops Logback when a run ends, which detaches appenders: attach one per run.
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      Logger logger = context.getLogger(WARM_UP_LOGGER);
      ListAppender<ILoggingEvent> events = new ListAppender<>();
      events.setContext(context);
      events.start();
      logger.addAppender(events);
      GatlingResult r =
          Runs.atOnce(
              () -> Scenarios.connected(name).exec(ssh("disconnect").disconnect()),
              2,
              protocol.get());
      logger.detachAppender(events);
      long firstUser =
          r.log().users().stream()
              .filter(SimulationLog.User::start)
              .mapToLong(SimulationLog.User::timestamp)
              .min()
              .orElse(-1);
      List<ILoggingEvent> list = new ArrayList<>(events.list);
      System.out.println(
          name
              + " runStart="
              + r.runInfo().start()
              + " firstUser="
              + firstUser
              + " okConnects="
              + r.ok("connect")
              + " warmUps="
              + list.size());
      String runThread = Thread.currentThread().getName().replace(' ', '_');
      for (ILoggingEvent e : list) {
        System.out.println(
            "warm-up "
                + name
                + " "
                + e.getTimeStamp()
                + " "
                + e.getThreadName().replace(' ', '_')
                + " "
                + runThread
                + " "
                + e.getFormattedMessage());
      }
    }
  }
}
