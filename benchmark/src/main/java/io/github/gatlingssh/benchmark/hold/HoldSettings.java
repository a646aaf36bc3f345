package io.github.gatlingssh.benchmark.hold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The hold scenario's numbers, passed to the client JVMs as the system properties HoldSimulation
 * reads ({@code -Dhold.*}), so gatling-ssh and bare MINA run the same load.
 *
 * @param users sessions, all held at once at the end of the ramp
 * @param ramp time over which they connect, evenly spread
 * @param hold how long each holds its connection after connecting
 * @param echo one {@code echo} per session per this period while it holds
 * @param quiet time before the first session, for the heap baseline
 */
record HoldSettings(int users, Duration ramp, Duration hold, Duration echo, Duration quiet) {

  /** HoldSimulation's default connect timeout ({@code -Dhold.connectTimeoutSeconds}). */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);

  static final HoldSettings DEFAULT =
      new HoldSettings(
          10_000,
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          Duration.ofSeconds(3));

  HoldSettings {
    if (users < 1) {
      throw new IllegalArgumentException("hold users must be positive: " + users);
    }
    if (hold.compareTo(ramp.plus(echo).plus(echo)) < 0) {
      throw new IllegalArgumentException(
          "the hold ("
              + hold.toSeconds()
              + " s) must exceed the ramp plus two echo periods ("
              + ramp.plus(echo).plus(echo).toSeconds()
              + " s): all sessions must be held at once when the heap is measured");
    }
  }

  /** Reads {@code -Dhold.*}, defaulting to {@link #DEFAULT}. */
  static HoldSettings fromSystemProperties() {
    return new HoldSettings(
        Integer.getInteger("hold.users", DEFAULT.users),
        seconds("hold.rampSeconds", DEFAULT.ramp),
        seconds("hold.seconds", DEFAULT.hold),
        seconds("hold.echoSeconds", DEFAULT.echo),
        seconds("hold.quietSeconds", DEFAULT.quiet));
  }

  private static Duration seconds(String property, Duration fallback) {
    return Duration.ofSeconds(Long.getLong(property, fallback.toSeconds()));
  }

  List<String> systemProperties() {
    return List.of(
        "-Dhold.users=" + users,
        "-Dhold.rampSeconds=" + ramp.toSeconds(),
        "-Dhold.seconds=" + hold.toSeconds(),
        "-Dhold.echoSeconds=" + echo.toSeconds(),
        "-Dhold.quietSeconds=" + quiet.toSeconds());
  }

  /**
   * The probe of a client JVM: all sessions expected within the ramp plus the connect timeout,
   * measured one echo period (plus 2 s) after they are up. Held sessions are those the server has
   * authenticated ({@code -Dhold.serverStatus}, a file the hold server keeps up to date), or
   * without it the established connections.
   */
  HeapProbe probe(int port) {
    String status = System.getProperty("hold.serverStatus");
    IntSupplier held =
        status == null ? () -> EstablishedConnections.to(port) : () -> readCount(Path.of(status));
    return new HeapProbe(
        new HeapProbe.Plan(
            port, held, users, echo.plusSeconds(2), ramp.plus(CONNECT_TIMEOUT).plusSeconds(30)));
  }

  private static int readCount(Path file) {
    try {
      return Integer.parseInt(Files.readString(file).trim());
    } catch (IOException | NumberFormatException e) {
      return 0; // not written yet
    }
  }

  /** An upper bound of a client run: JVM start, warm-up, quiet time, ramp, hold, slack. */
  Duration clientTimeout() {
    return quiet.plus(ramp).plus(CONNECT_TIMEOUT).plus(hold).plus(Duration.ofMinutes(3));
  }
}
