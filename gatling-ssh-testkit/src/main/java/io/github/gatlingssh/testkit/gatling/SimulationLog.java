package io.github.gatlingssh.testkit.gatling;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader for the binary {@code simulation.log} written by Gatling 3.15.1 ({@code
 * io.gatling.core.stats.writer.LogFileDataWriter}); it mirrors Gatling's own reader ({@code
 * io.gatling.charts.stats.LogFileReader}).
 *
 * <p>Format: big-endian. The first record is a Run record (header byte 0), followed by Request (1),
 * User (2), Group (3) and Error (4) records until end of file. Timestamps are int millisecond
 * offsets from the run start; this class turns them into absolute epoch milliseconds. Strings are
 * {@code int length, bytes, coder byte} ({@code 0} = LATIN1, {@code 1} = UTF-16 in the writing
 * JVM's native byte order, i.e. {@code String.value} copied as is), and the empty string is just
 * {@code int 0}. Names, groups and messages are "cached strings": a positive int index followed by
 * the string the first time, then the negated index.
 *
 * <p>Unlike Gatling's reports, strings are returned raw: Gatling replaces {@code \n}, {@code \r}
 * and {@code \t} with spaces when it reads them. Gatling itself truncates KO messages to 200
 * characters before writing them.
 */
public final class SimulationLog {

  /**
   * The Run record.
   *
   * @param gatlingVersion the version of Gatling that wrote the file
   * @param simulationClassName fully qualified name of the simulation class
   * @param start run start, epoch milliseconds
   * @param description the run description ({@code ""} if none)
   * @param scenarios scenario names, in the order the file indexes them
   * @param assertions human-readable form of the simulation's assertions, e.g. {@code "Global:
   *     count of failed events is 0"}
   */
  public record RunInfo(
      String gatlingVersion,
      String simulationClassName,
      long start,
      String description,
      List<String> scenarios,
      List<String> assertions) {}

  /**
   * A request, as logged by {@code StatsEngine.logResponse}.
   *
   * @param groups enclosing group hierarchy, outermost first (empty outside groups)
   * @param name request name
   * @param start epoch milliseconds
   * @param end epoch milliseconds
   * @param ok {@code true} for OK, {@code false} for KO
   * @param message the KO message; {@code ""} when there is none (always for OK requests)
   */
  public record Request(
      List<String> groups, String name, long start, long end, boolean ok, String message) {

    /** Response time in milliseconds ({@code end - start}). */
    public long responseTime() {
      return end - start;
    }
  }

  /**
   * A group execution by one user.
   *
   * @param groupHierarchy the group path, outermost first, ending with this group's name
   * @param start epoch milliseconds
   * @param end epoch milliseconds
   * @param cumulatedResponseTime sum of the response times of the requests inside, in ms, each
   *     counted as at least 1 ms
   * @param ok {@code false} if anything inside failed
   */
  public record Group(
      List<String> groupHierarchy, long start, long end, int cumulatedResponseTime, boolean ok) {

    /** Duration of the group in milliseconds ({@code end - start}). */
    public long duration() {
      return end - start;
    }
  }

  /**
   * A virtual user starting or ending.
   *
   * @param scenario scenario name
   * @param start {@code true} for a start event, {@code false} for an end event
   * @param timestamp epoch milliseconds
   */
  public record User(String scenario, boolean start, long timestamp) {}

  /**
   * An error not attached to a request record, e.g. a request that crashed before being sent
   * ({@code StatsEngine.logRequestCrash} writes {@code "<request name>: <error> "}, with a trailing
   * space).
   *
   * @param message error message
   * @param timestamp epoch milliseconds
   */
  public record Error(String message, long timestamp) {}

  private static final byte RUN = 0;
  private static final byte REQUEST = 1;
  private static final byte USER = 2;
  private static final byte GROUP = 3;
  private static final byte ERROR = 4;

  private static final Charset NATIVE_UTF_16 =
      ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN
          ? StandardCharsets.UTF_16BE
          : StandardCharsets.UTF_16LE;

  private final Path file;
  private final RunInfo run;
  private final List<Request> requests;
  private final List<Group> groups;
  private final List<User> users;
  private final List<Error> errors;

  private SimulationLog(
      Path file,
      RunInfo run,
      List<Request> requests,
      List<Group> groups,
      List<User> users,
      List<Error> errors) {
    this.file = file;
    this.run = run;
    this.requests = List.copyOf(requests);
    this.groups = List.copyOf(groups);
    this.users = List.copyOf(users);
    this.errors = List.copyOf(errors);
  }

  /**
   * Reads a whole {@code simulation.log}.
   *
   * @param file path of the {@code simulation.log} file
   * @return the parsed records
   * @throws UncheckedIOException if the file cannot be read or is truncated
   * @throws IllegalArgumentException if the file is not a simulation.log in the expected format
   */
  public static SimulationLog read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return new Parser(file, new DataInputStream(in)).parse();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The file this log was read from. */
  public Path file() {
    return file;
  }

  /** The Run record: Gatling version, simulation class, start time, scenarios, assertions. */
  public RunInfo run() {
    return run;
  }

  /** All Request records, in file order. */
  public List<Request> requests() {
    return requests;
  }

  /** All Group records, in file order. */
  public List<Group> groups() {
    return groups;
  }

  /** All User records (starts and ends), in file order. */
  public List<User> users() {
    return users;
  }

  /** All Error records, in file order. */
  public List<Error> errors() {
    return errors;
  }

  /** Stateful single-pass parser; one instance per file. */
  private static final class Parser {
    private final Path file;
    private final DataInputStream in;
    private final Map<Integer, String> stringCache = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Error> errors = new ArrayList<>();
    private RunInfo run;

    Parser(Path file, DataInputStream in) {
      this.file = file;
      this.in = in;
    }

    SimulationLog parse() throws IOException {
      int first = in.read();
      if (first != RUN) {
        throw new IllegalArgumentException(
            file + " does not start with a Run record (header " + first + ")");
      }
      run = readRun();
      int header;
      int count = 1;
      while ((header = in.read()) != -1) {
        count++;
        try {
          readRecord((byte) header, count);
        } catch (EOFException e) {
          throw new UncheckedIOException(file + " is truncated in record " + count, e);
        }
      }
      return new SimulationLog(file, run, requests, groups, users, errors);
    }

    private void readRecord(byte header, int count) throws IOException {
      switch (header) {
        case REQUEST -> requests.add(readRequest());
        case USER -> users.add(readUser());
        case GROUP -> groups.add(readGroup());
        case ERROR -> errors.add(new Error(readCachedString(), time()));
        default ->
            throw new IllegalArgumentException(
                "Unsupported header " + header + " for record " + count + " in " + file);
      }
    }

    private RunInfo readRun() throws IOException {
      String version = readString();
      String simulationClass = readString();
      long start = in.readLong();
      String description = readString();
      List<String> scenarios = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        scenarios.add(readString());
      }
      List<String> assertions = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        assertions.add(AssertionDecoder.describe(in.readNBytes(in.readInt())));
      }
      return new RunInfo(
          version,
          simulationClass,
          start,
          description,
          List.copyOf(scenarios),
          List.copyOf(assertions));
    }

    private Request readRequest() throws IOException {
      List<String> groupPath = readGroupPath();
      String name = readCachedString();
      long start = time();
      long end = time();
      boolean ok = in.readBoolean();
      return new Request(groupPath, name, start, end, ok, readCachedString());
    }

    private User readUser() throws IOException {
      int scenarioIndex = in.readInt();
      String scenario =
          scenarioIndex >= 0 && scenarioIndex < run.scenarios().size()
              ? run.scenarios().get(scenarioIndex)
              : "<scenario #" + scenarioIndex + ">";
      boolean start = in.readBoolean();
      return new User(scenario, start, time());
    }

    private Group readGroup() throws IOException {
      List<String> hierarchy = readGroupPath();
      long start = time();
      long end = time();
      int cumulated = in.readInt();
      return new Group(hierarchy, start, end, cumulated, in.readBoolean());
    }

    private List<String> readGroupPath() throws IOException {
      int size = in.readInt();
      List<String> path = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        path.add(readCachedString());
      }
      return List.copyOf(path);
    }

    private long time() throws IOException {
      return run.start() + in.readInt();
    }

    private String readCachedString() throws IOException {
      int index = in.readInt();
      if (index >= 0) {
        String s = readString();
        stringCache.put(index, s);
        return s;
      }
      String cached = stringCache.get(-index);
      if (cached == null) {
        throw new IllegalArgumentException("Missing cached string #" + -index + " in " + file);
      }
      return cached;
    }

    private String readString() throws IOException {
      int length = in.readInt();
      if (length == 0) {
        return "";
      }
      byte[] value = in.readNBytes(length);
      if (value.length < length) {
        throw new EOFException();
      }
      byte coder = in.readByte();
      return new String(value, coder == 0 ? StandardCharsets.ISO_8859_1 : NATIVE_UTF_16);
    }
  }

  /**
   * Turns boopickled {@code io.gatling.commons.stats.assertion.Assertion}s back into Gatling's text
   * ({@code AssertionMessage.message}), using Gatling's own pickler from the test classpath.
   */
  private static final class AssertionDecoder {
    static String describe(byte[] pickled) {
      try {
        var assertion =
            io.gatling.shared.model.assertion.AssertionPicklers.AssertionPickler()
                .unpickle(boopickle.UnpickleState$.MODULE$.apply(ByteBuffer.wrap(pickled)));
        return io.gatling.shared.model.assertion.AssertionMessage.message(assertion);
      } catch (RuntimeException | LinkageError e) {
        return "<undecodable assertion, " + pickled.length + " bytes: " + e + ">";
      }
    }
  }
}
