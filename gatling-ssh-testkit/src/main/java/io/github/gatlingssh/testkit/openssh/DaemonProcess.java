package io.github.gatlingssh.testkit.openssh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * One foreground server process listening on a loopback port (Dropbear, tcpserver running
 * tinysshd): started in a process group of its own, ready once it listens and answers with an SSH
 * banner, killed with everything it started. Its stdout and stderr go to a log file.
 */
final class DaemonProcess {

  private static final int PORT_ATTEMPTS = 5;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final int MAX_LOG_IN_ERRORS = 16_000;

  /** How Dropbear ("Address already in use") and tcpserver ("address already used") say so. */
  private static final List<String> PORT_TAKEN = List.of("already in use", "address already used");

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final boolean ownGroup;

  private DaemonProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.ownGroup = processGroup(process.pid()) == process.pid();
  }

  /**
   * Starts {@code command.apply(port)} for a port from {@code ports} and waits until it listens on
   * it and answers with an SSH banner. A port taken by another process between choosing and binding
   * it is retried with the next one.
   *
   * @throws IllegalStateException with the log if the server does not come up within {@code
   *     timeout}
   */
  static DaemonProcess start(
      String name,
      IntFunction<List<String>> command,
      Path log,
      IntSupplier ports,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int port = -1;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      port = ports.getAsInt();
      DaemonProcess server = new DaemonProcess(name, launch(command.apply(port), log), port, log);
      if (server.awaitReady(deadline, timeout)) {
        return server;
      }
    }
    throw failure(name, log, port, "no usable port after " + PORT_ATTEMPTS + " attempts");
  }

  private static Process launch(List<String> command, Path log) {
    List<String> cmd = new ArrayList<>();
    // setsid: a process group of its own, so that close() can also reach what left the tree
    OpenSsh.onPath("setsid").ifPresent(setsid -> cmd.add(setsid.toString()));
    cmd.addAll(command);
    try {
      return new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /**
   * Waits until the process listens on the port (so that a banner cannot come from another process
   * that holds it) and the port answers with an SSH banner.
   *
   * @return false if the process lost a race for the port
   */
  private boolean awaitReady(long deadline, Duration timeout) {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String text = log().toLowerCase(Locale.ROOT);
        if (PORT_TAKEN.stream().anyMatch(text::contains)) {
          return false;
        }
        throw failure(name, log, port, "exited with code " + process.exitValue());
      }
      if (listens()) {
        Optional<String> banner = ServerProbe.banner(port);
        if (banner.isPresent() && banner.get().startsWith("SSH-2.0-")) {
          awaitChildrenGone(deadline);
          return true;
        }
        if (banner.isPresent()) {
          kill();
          throw failure(name, log, port, "unexpected banner: " + banner.get());
        }
      }
      ProcessTree.pause();
    }
    kill();
    throw failure(name, log, port, "no SSH banner within " + timeout);
  }

  /** True if the process holds the listening socket of the port; true where /proc is missing. */
  private boolean listens() {
    Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
    if (!Files.isDirectory(Path.of("/proc/net"))) {
      return true;
    }
    Set<String> inodes = ListeningSockets.inodes(port);
    try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
      for (Path fd : links) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")
              && inodes.contains(target.substring(8, target.length() - 1))) {
            return true;
          }
        } catch (IOException e) {
          // fd closed meanwhile
        }
      }
    } catch (IOException e) {
      // the process exited meanwhile
    }
    return false;
  }

  /**
   * Waits until the per-connection process of the banner probe has exited, so that it does not
   * count against the server's limit of unauthenticated connections when the test connects.
   */
  private void awaitChildrenGone(long deadline) {
    long limit = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    while (process.toHandle().children().anyMatch(c -> !ProcessTree.hasExited(c))
        && System.nanoTime() < limit) {
      ProcessTree.pause();
    }
  }

  private static IllegalStateException failure(String name, Path log, int port, String reason) {
    String text = ServerDirectory.read(log);
    if (text.length() > MAX_LOG_IN_ERRORS) {
      text = "..." + text.substring(text.length() - MAX_LOG_IN_ERRORS);
    }
    return new IllegalStateException(
        String.format(
            "%s on %s:%d failed to start: %s%n--- %s ---%n%s",
            name, ProcessServer.HOST, port, reason, log, text));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    return ServerDirectory.read(log);
  }

  /**
   * SIGKILLs the process, its descendants, and processes that hold its log open (per-connection
   * processes that outlived a listener killed from outside), then the rest of its process group,
   * and waits for them to exit.
   */
  void kill() {
    List<ProcessHandle> roots = new ArrayList<>();
    roots.add(process.toHandle());
    roots.addAll(ProcessTree.holdingOpen(Set.of(log)));
    ProcessTree.kill(roots, KILL_WAIT, frozen -> {});
    if (ownGroup) {
      // never the JVM's own group: only when setsid made the process its group's leader
      CommandRunner.run(List.of("kill", "-KILL", "--", "-" + process.pid()));
    }
    try {
      process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The process group id from /proc/PID/stat, or -1 if unknown. */
  private static long processGroup(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // after "(comm)": state ppid pgrp ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The listening TCP sockets of this machine, from /proc/net/tcp and tcp6. */
  private static final class ListeningSockets {
    private static final String LISTEN = "0A";

    static Set<String> inodes(int port) {
      Set<String> inodes = new HashSet<>();
      for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
          lines
              .skip(1)
              .map(l -> l.trim().split("\\s+"))
              .filter(f -> f.length > 9 && f[3].equals(LISTEN))
              .filter(f -> Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port)
              .forEach(f -> inodes.add(f[9]));
        } catch (IOException | UncheckedIOException e) {
          // no IPv6, or /proc unreadable
        }
      }
      return inodes;
    }
  }
}
