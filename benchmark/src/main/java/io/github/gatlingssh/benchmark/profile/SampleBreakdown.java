package io.github.gatlingssh.benchmark.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the Java execution samples of a Flight Recording (for instance one {@link SteadyProfile}
 * wrote with {@code -Dprofile.jfr}) by owner, by thread and by method, so that a profile is read as
 * shares rather than as wall time, which a shared machine makes noisy:
 *
 * <pre>
 * java -cp benchmark/target/classes io.github.gatlingssh.benchmark.profile.SampleBreakdown \
 *   window.jfr [top] [stackContains...]
 * </pre>
 *
 * <p>A sample's owner is the crypto providers' when any frame is theirs (the handshake's public-key
 * math and the ciphers), else the first frame from the top that is not the JDK's (gatling-ssh, MINA
 * SSHD, Gatling, Scala, Netty, logging), else the JDK. Each extra argument counts the samples with
 * a frame whose class and method name contains it (inclusive time), e.g. {@code OutputCollector}.
 *
 * <p>JFR's "profile" settings sample the Java threads every 10 ms, which on a busy machine leaves a
 * few hundred samples in a minute: a copy of the JDK's {@code lib/jfr/profile.jfc} with the {@code
 * jdk.ExecutionSample} period at 1 ms, passed as {@code -Dprofile.jfc=that.jfc}, gives more.
 */
public final class SampleBreakdown {
  private static final List<String> CRYPTO =
      List.of(
          "org.bouncycastle.",
          "net.i2p.crypto.",
          "sun.security.ec.",
          "sun.security.util.math.",
          "com.sun.crypto.provider.",
          "sun.security.provider.");
  private static final Map<String, String> OWNERS =
      Map.of(
          "io.github.gatlingssh.", "gatling-ssh",
          "org.apache.sshd.", "MINA SSHD",
          "io.gatling.", "Gatling",
          "scala.", "Scala",
          "io.netty.", "Netty",
          "ch.qos.logback.", "logging",
          "org.slf4j.", "logging");

  private SampleBreakdown() {}

  /** Arguments: the recording, how many methods and threads to list (25), substrings to count. */
  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> owners = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> ourMethods = new HashMap<>();
    Map<String, Integer> contains = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      contains.put(args[i], 0);
    }
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = st.getFrames();
      owners.merge(owner(frames), 1, Integer::sum);
      RecordedThread t = e.getThread("sampledThread");
      threads.merge(threadGroup(t == null ? "?" : t.getJavaName()), 1, Integer::sum);
      methods.merge(name(frames.get(0)), 1, Integer::sum);
      for (RecordedFrame f : frames) {
        if (f.getMethod().getType().getName().startsWith("io.github.gatlingssh.")) {
          ourMethods.merge(name(f), 1, Integer::sum);
          break;
        }
      }
      for (Map.Entry<String, Integer> c : contains.entrySet()) {
        if (frames.stream().anyMatch(f -> name(f).contains(c.getKey()))) {
          c.setValue(c.getValue() + 1);
        }
      }
    }
    System.out.printf("%d Java execution samples%n", total);
    print("by owner", owners, total, top);
    print("by thread", threads, total, top);
    print("by top method (self)", methods, total, top);
    print("gatling-ssh's first frame on the stack (inclusive)", ourMethods, total, top);
    if (!contains.isEmpty()) {
      print("stacks containing", contains, total, top);
    }
  }

  private static String owner(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String type = f.getMethod().getType().getName();
      if (CRYPTO.stream().anyMatch(type::startsWith)) {
        return "crypto";
      }
    }
    for (RecordedFrame f : frames) {
      String type = f.getMethod().getType().getName();
      if (type.startsWith("io.github.gatlingssh.benchmark.")) {
        return "benchmark harness"; // the window's /proc reads, not the plugin
      }
      for (Map.Entry<String, String> o : OWNERS.entrySet()) {
        if (type.startsWith(o.getKey())) {
          return o.getValue();
        }
      }
    }
    return "JDK";
  }

  private static String threadGroup(String name) {
    return name.replaceAll("[0-9]+", "#");
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.printf("%n%s:%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            c ->
                System.out.printf(
                    "  %5.1f%%  %6d  %s%n",
                    100.0 * c.getValue() / total, c.getValue(), c.getKey()));
  }
}
