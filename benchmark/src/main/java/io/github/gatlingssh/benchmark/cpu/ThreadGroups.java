package io.github.gatlingssh.benchmark.cpu;

/** Groups a JVM's threads by their Linux name (15 characters at most) for CPU breakdowns. */
public final class ThreadGroups {
  public static final String JIT = "JIT compiler";
  static final String GC = "GC and VM";
  static final String MINA = "MINA I/O";
  static final String GATLING = "Gatling";
  static final String MAIN = "main";
  static final String OTHER = "other";

  /** The benchmark's own CPU sampler, not counted as client CPU. */
  static final String SAMPLER = "benchmark sampler";

  private ThreadGroups() {}

  static String of(String threadName) {
    String n = threadName == null ? "" : threadName;
    if (n.startsWith("C1 CompilerThre") || n.startsWith("C2 CompilerThre")) {
      return JIT;
    }
    if (n.startsWith("GC Thread")
        || n.startsWith("G1 ")
        || n.equals("VM Thread")
        || n.startsWith("VM Periodic")) {
      return GC;
    }
    if (n.startsWith("sshd-")) {
      return MINA;
    }
    if (n.startsWith("gatling")) {
      return GATLING;
    }
    if (n.startsWith("bench-cpu-sampl")) { // Linux keeps 15 characters of a thread's name
      return SAMPLER;
    }
    if (n.equals("java") || n.equals("main")) {
      return MAIN;
    }
    return OTHER;
  }
}
