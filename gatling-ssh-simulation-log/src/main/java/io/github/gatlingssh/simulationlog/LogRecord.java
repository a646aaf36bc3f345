package io.github.gatlingssh.simulationlog;

import java.util.List;

/**
 * A record of a Gatling 3.13+ binary {@code simulation.log} after the {@link RunRecord} header.
 * Times are absolute epoch milliseconds: {@link SimulationLogReader} adds the file's run start to
 * the stored offsets and {@link SimulationLogWriter} subtracts its own, so moving a record from one
 * file to another rebases it.
 */
public sealed interface LogRecord
    permits LogRecord.RequestRecord,
        LogRecord.UserRecord,
        LogRecord.GroupRecord,
        LogRecord.ErrorRecord {

  /**
   * When Gatling wrote the record (a request or a group when it ended, a user when it started or
   * ended, an error when it happened): the order of records in one file, and of a merged file.
   */
  long time();

  /**
   * A request ({@code StatsEngine.logResponse}).
   *
   * @param groups enclosing groups, outermost first (empty outside groups)
   * @param name request name
   * @param start epoch milliseconds
   * @param end epoch milliseconds
   * @param ok {@code true} for OK, {@code false} for KO
   * @param message the KO message, {@code ""} when there is none
   */
  record RequestRecord(
      List<String> groups, String name, long start, long end, boolean ok, String message)
      implements LogRecord {
    /** Canonical constructor: copies the groups. */
    public RequestRecord {
      groups = List.copyOf(groups);
    }

    @Override
    public long time() {
      return end;
    }
  }

  /**
   * A virtual user starting or ending.
   *
   * @param scenario scenario name (the file stores an index into the Run record's scenarios)
   * @param start {@code true} when the user starts, {@code false} when it ends
   * @param timestamp epoch milliseconds
   */
  record UserRecord(String scenario, boolean start, long timestamp) implements LogRecord {
    @Override
    public long time() {
      return timestamp;
    }
  }

  /**
   * A group execution by one user.
   *
   * @param hierarchy the group path, outermost first, ending with this group's name
   * @param start epoch milliseconds
   * @param end epoch milliseconds
   * @param cumulatedResponseTime sum of the response times of the requests inside, in ms
   * @param ok {@code false} if anything inside failed
   */
  record GroupRecord(
      List<String> hierarchy, long start, long end, int cumulatedResponseTime, boolean ok)
      implements LogRecord {
    /** Canonical constructor: copies the hierarchy. */
    public GroupRecord {
      hierarchy = List.copyOf(hierarchy);
    }

    @Override
    public long time() {
      return end;
    }
  }

  /**
   * An error outside a request record, e.g. a request that crashed before it was sent.
   *
   * @param message error message
   * @param timestamp epoch milliseconds
   */
  record ErrorRecord(String message, long timestamp) implements LogRecord {
    @Override
    public long time() {
      return timestamp;
    }
  }
}
