package io.github.gatlingssh.testkit.gatling;

import io.github.gatlingssh.simulationlog.LogFormatException;
import io.github.gatlingssh.simulationlog.LogRecord;
import io.github.gatlingssh.simulationlog.LogRecord.ErrorRecord;
import io.github.gatlingssh.simulationlog.LogRecord.GroupRecord;
import io.github.gatlingssh.simulationlog.LogRecord.RequestRecord;
import io.github.gatlingssh.simulationlog.LogRecord.UserRecord;
import io.github.gatlingssh.simulationlog.RunRecord;
import io.github.gatlingssh.simulationlog.SimulationLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole {@code simulation.log} written by Gatling 3.15.1, read into lists that tests filter and
 * count. The bytes are decoded by the streaming codec scale-out merges with ({@link
 * SimulationLogReader}); this class only collects its records and decodes the assertions, which the
 * codec keeps opaque.
 *
 * <p>Timestamps are absolute epoch milliseconds. Unlike Gatling's reports, strings are returned
 * raw: Gatling replaces {@code \n}, {@code \r} and {@code \t} with spaces when it reads them.
 * Gatling itself truncates KO messages to 200 characters before writing them.
 *
 * @param file the file this log was read from
 * @param run the Run record: Gatling version, simulation class, start time, scenarios, assertions
 * @param requests all Request records, in file order
 * @param groups all Group records, in file order
 * @param users all User records (starts and ends), in file order
 * @param errors all Error records, in file order
 */
public record SimulationLog(
    Path file,
    RunInfo run,
    List<Request> requests,
    List<Group> groups,
    List<User> users,
    List<Error> errors) {

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

  /** Canonical constructor: copies the lists. */
  public SimulationLog {
    requests = List.copyOf(requests);
    groups = List.copyOf(groups);
    users = List.copyOf(users);
    errors = List.copyOf(errors);
  }

  /**
   * Reads a whole {@code simulation.log}.
   *
   * @param file path of the {@code simulation.log} file
   * @return the parsed records
   * @throws UncheckedIOException if the file cannot be read, or is not a complete simulation.log
   *     (then its cause is a {@link LogFormatException} whose message names the file and the
   *     problem)
   */
  public static SimulationLog read(Path file) {
    List<Request> requests = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    List<User> users = new ArrayList<>();
    List<Error> errors = new ArrayList<>();
    try (SimulationLogReader reader = SimulationLogReader.open(file)) {
      for (LogRecord r = reader.next(); r != null; r = reader.next()) {
        if (r instanceof RequestRecord q) {
          requests.add(new Request(q.groups(), q.name(), q.start(), q.end(), q.ok(), q.message()));
        } else if (r instanceof UserRecord u) {
          users.add(new User(u.scenario(), u.start(), u.timestamp()));
        } else if (r instanceof GroupRecord g) {
          groups.add(
              new Group(g.hierarchy(), g.start(), g.end(), g.cumulatedResponseTime(), g.ok()));
        } else if (r instanceof ErrorRecord e) {
          errors.add(new Error(e.message(), e.timestamp()));
        }
      }
      return new SimulationLog(file, runInfo(reader.header()), requests, groups, users, errors);
    } catch (LogFormatException e) {
      throw new UncheckedIOException(e.getMessage(), e); // the message names the file already
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static RunInfo runInfo(RunRecord run) {
    return new RunInfo(
        run.gatlingVersion(),
        run.simulationClassName(),
        run.start(),
        run.description(),
        run.scenarios(),
        run.assertions().stream().map(a -> AssertionDecoder.describe(a.bytes())).toList());
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
