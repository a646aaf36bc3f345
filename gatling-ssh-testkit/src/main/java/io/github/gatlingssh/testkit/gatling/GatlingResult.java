package io.github.gatlingssh.testkit.gatling;

import static java.util.stream.Collectors.toList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one Gatling run recorded, with helpers for test assertions.
 *
 * <p>Request names are matched exactly and regardless of the groups around them; use {@link
 * #requests()} and filter on {@link SimulationLog.Request#groups()} to tell apart requests with the
 * same name in different groups.
 *
 * @param exitCode Gatling's exit code: 0 success, 1 invalid arguments, 2 assertions failed
 * @param runDir the run directory, {@code <results folder>/<simulation id>-<timestamp>}
 * @param log the parsed {@code simulation.log}
 * @param reportIndex {@code index.html} of the HTML report, if reports were enabled for the run
 */
public record GatlingResult(
    int exitCode, Path runDir, SimulationLog log, Optional<Path> reportIndex) {

  /** Null for {@code reportIndex} stands for none. */
  public GatlingResult {
    reportIndex = reportIndex == null ? Optional.empty() : reportIndex;
  }

  /** The Run record (Gatling version, simulation class, start, scenarios, assertions). */
  public SimulationLog.RunInfo runInfo() {
    return log.run();
  }

  /** All requests, in file order. */
  public List<SimulationLog.Request> requests() {
    return log.requests();
  }

  /** Requests named {@code name}, whatever their groups. */
  public List<SimulationLog.Request> requests(String name) {
    return log.requests().stream().filter(r -> r.name().equals(name)).toList();
  }

  /** Number of OK requests named {@code name}. */
  public int ok(String name) {
    return (int) requests(name).stream().filter(SimulationLog.Request::ok).count();
  }

  /** Number of KO requests named {@code name}. */
  public int ko(String name) {
    return (int) requests(name).stream().filter(r -> !r.ok()).count();
  }

  /** Total number of OK requests. */
  public int okCount() {
    return (int) log.requests().stream().filter(SimulationLog.Request::ok).count();
  }

  /** Total number of KO requests. */
  public int koCount() {
    return (int) log.requests().stream().filter(r -> !r.ok()).count();
  }

  /** KO messages of the requests named {@code name}, one per KO request, in file order. */
  public List<String> koMessages(String name) {
    return requests(name).stream()
        .filter(r -> !r.ok())
        .map(SimulationLog.Request::message)
        .toList();
  }

  /** Distinct request names, in order of first appearance. */
  public List<String> requestNames() {
    return log.requests().stream().map(SimulationLog.Request::name).distinct().toList();
  }

  /** Error records (request crashes), which Gatling does not count as requests. */
  public List<SimulationLog.Error> errors() {
    return log.errors();
  }

  /**
   * Group records for exactly this group path, outermost first, e.g. {@code groups("outer",
   * "inner")}; with no argument, all group records.
   */
  public List<SimulationLog.Group> groups(String... path) {
    if (path.length == 0) {
      return log.groups();
    }
    List<String> wanted = Arrays.asList(path);
    return log.groups().stream().filter(g -> g.groupHierarchy().equals(wanted)).toList();
  }

  /** Number of users that started, all scenarios. */
  public int usersStarted() {
    return (int) log.users().stream().filter(SimulationLog.User::start).count();
  }

  /** Number of users that ended, all scenarios. */
  public int usersEnded() {
    return (int) log.users().stream().filter(u -> !u.start()).count();
  }

  /** Number of users of {@code scenario} that started. */
  public int usersStarted(String scenario) {
    return (int)
        log.users().stream().filter(u -> u.start() && u.scenario().equals(scenario)).count();
  }

  /**
   * A multi-line, human-readable digest for assertion descriptions, e.g.
   *
   * <pre>
   * exit code 0, 2 users started, 2 ended, run dir target/gatling-it/mysim-20260101120000000
   *   grp / open: 2 OK, 2 KO [boom x2]
   *   errors: [exec: crashed  x1]
   * </pre>
   */
  public String summary() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "exit code %d, %d users started, %d ended, run dir %s",
                exitCode, usersStarted(), usersEnded(), runDir));
    Map<String, List<SimulationLog.Request>> byPath =
        log.requests().stream()
            .collect(Collectors.groupingBy(GatlingResult::path, LinkedHashMap::new, toList()));
    byPath.forEach(
        (path, requests) -> {
          List<String> ko =
              requests.stream().filter(r -> !r.ok()).map(SimulationLog.Request::message).toList();
          sb.append(
              String.format("\n  %s: %d OK, %d KO", path, requests.size() - ko.size(), ko.size()));
          if (!ko.isEmpty()) {
            sb.append(' ').append(counted(ko));
          }
        });
    if (!log.errors().isEmpty()) {
      sb.append("\n  errors: ")
          .append(counted(log.errors().stream().map(SimulationLog.Error::message).toList()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }

  private static String path(SimulationLog.Request r) {
    return r.groups().isEmpty() ? r.name() : String.join(" / ", r.groups()) + " / " + r.name();
  }

  private static String counted(List<String> messages) {
    return messages.stream()
        .collect(
            Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .map(e -> e.getKey() + " x" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
