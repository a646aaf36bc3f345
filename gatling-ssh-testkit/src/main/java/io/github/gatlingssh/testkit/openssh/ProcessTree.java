package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process and all its descendants (sshd's listener, per-connection sshd processes and the user's
 * shells): CPU accounting and killing without leaving orphans behind.
 */
final class ProcessTree {

  private static final Path PROC = Path.of("/proc");
  private static volatile long clockTicks;

  private ProcessTree() {}

  /** {@code root} and its living descendants. */
  static List<ProcessHandle> members(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
        .filter(ProcessHandle::isAlive)
        .collect(Collectors.toList());
  }

  /**
   * CPU seconds (user + system) used by the processes plus the descendants they have already
   * reaped, from /proc; 0 where /proc is unavailable. A reaped process is counted in its parent's
   * cutime/cstime, so summing all four fields over the living tree counts each process once.
   */
  static double cpuSeconds(List<ProcessHandle> processes) {
    long ticks = 0;
    for (ProcessHandle process : processes) {
      String[] fields = statFields(process.pid());
      if (fields.length > 14) {
        // fields after "(comm)": [0]=state ... [11]=utime [12]=stime [13]=cutime [14]=cstime
        for (int i = 11; i <= 14; i++) {
          ticks += Long.parseLong(fields[i]);
        }
      }
    }
    return ticks / (double) clockTicks();
  }

  /**
   * SIGKILLs the {@code roots} and all their descendants. The trees are first frozen with SIGSTOP,
   * top down until no new process shows up, so that no process can fork a child that escapes (a
   * child whose parent dies is re-parented to init and is no longer a descendant).
   *
   * @param beforeKill called with the frozen processes, e.g. to read their CPU time
   */
  static void kill(
      List<ProcessHandle> roots, Duration wait, Consumer<List<ProcessHandle>> beforeKill) {
    List<ProcessHandle> frozen = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int round = 0; round < 100; round++) {
      List<ProcessHandle> fresh =
          roots.stream()
              .flatMap(root -> members(root).stream())
              .filter(p -> seen.add(p.pid()))
              .collect(Collectors.toList());
      if (fresh.isEmpty()) {
        break;
      }
      signal("-STOP", fresh);
      frozen.addAll(fresh);
    }
    beforeKill.accept(frozen);
    frozen.forEach(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + wait.toNanos();
    for (ProcessHandle process : frozen) {
      while (!hasExited(process) && System.nanoTime() < deadline) {
        pause();
      }
    }
  }

  /**
   * Processes (other than this JVM) that have one of {@code files} open, from /proc; empty where
   * /proc is unavailable. All sshd processes of a server hold its log open, even those whose
   * listener died (they are re-parented to init and no longer its descendants).
   */
  static List<ProcessHandle> holdingOpen(Set<Path> files) {
    List<ProcessHandle> holders = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return holders;
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : processes) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid != self && holdsOpen(dir, files)) {
          ProcessHandle.of(pid).ifPresent(holders::add);
        }
      }
    } catch (IOException e) {
      // /proc unreadable: nothing found
    }
    return holders;
  }

  private static boolean holdsOpen(Path processDir, Set<Path> files) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(processDir.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (files.contains(Files.readSymbolicLink(fd))) {
            return true;
          }
        } catch (IOException e) {
          // fd closed meanwhile
        }
      }
    } catch (IOException e) {
      // process exited or belongs to another user
    }
    return false;
  }

  /** True once the process is gone or a zombie (its sockets are closed then). */
  static boolean hasExited(ProcessHandle process) {
    if (!Files.isDirectory(PROC)) {
      return !process.isAlive();
    }
    String[] fields = statFields(process.pid());
    return fields.length == 0 || fields[0].equals("Z") || fields[0].equals("X");
  }

  private static void signal(String signal, List<ProcessHandle> processes) {
    List<String> cmd = new ArrayList<>(List.of("kill", signal));
    processes.forEach(p -> cmd.add(Long.toString(p.pid())));
    CommandRunner.run(cmd); // non-zero if one of them exited meanwhile: fine
  }

  /** Fields of /proc/PID/stat after the parenthesised command name; empty if gone. */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
    }
  }

  private static long clockTicks() {
    long ticks = clockTicks;
    if (ticks == 0) {
      try {
        CommandRunner.Result r = CommandRunner.run(List.of("getconf", "CLK_TCK"));
        ticks = r.ok() ? Long.parseLong(r.stdout().strip()) : 100;
      } catch (RuntimeException e) {
        ticks = 100;
      }
      clockTicks = ticks;
    }
    return ticks;
  }

  static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
