package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * One foreground server process listening on a loopback port (Dropbear, tcpserver running
 * tinysshd): started in a process group of its own, ready once it listens and answers with an SSH
 * banner, killed with everything it started. Its stdout and stderr go to a log file.
 */
final class DaemonProcess extends ListenerProcess {

  private final String name;
  private final Path log;
  private final boolean ownGroup;

  private DaemonProcess(String name, Process process, int port, Path log) {
    super(process, port);
    this.name = name;
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
    return ListenerProcess.start(
        port -> new DaemonProcess(name, launch(command.apply(port), log), port, log),
        ports,
        timeout);
  }

  private static Process launch(List<String> command, Path log) {
    List<String> cmd = new ArrayList<>();
    // setsid: a process group of its own, so that close() can also reach what left the tree
    OpenSsh.onPath("setsid").ifPresent(setsid -> cmd.add(setsid.toString()));
    cmd.addAll(command);
    return startProcess(cmd, log);
  }

  /** True if the process holds the listening socket of the port; true where /proc is missing. */
  @Override
  boolean listening() {
    Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
    if (!Files.isDirectory(Path.of("/proc/net"))) {
      return true;
    }
    Set<String> inodes = ListeningSockets.inodes(port());
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

  @Override
  IllegalStateException failure(String reason) {
    return new IllegalStateException(
        String.format(
            "%s on %s:%d failed to start: %s%n--- %s ---%n%s",
            name, ProcessServer.HOST, port(), reason, log, tail(log())));
  }

  @Override
  String log() {
    return ServerDirectory.read(log);
  }

  @Override
  Set<Path> openFiles() {
    return Set.of(log);
  }

  /** Then the rest of its process group. */
  @Override
  void afterKill() {
    if (ownGroup) {
      // never the JVM's own group: only when setsid made the process its group's leader
      CommandRunner.run(List.of("kill", "-KILL", "--", "-" + process.pid()));
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
