package io.github.gatlingssh.action.stream;

import io.gatling.commons.validation.Failure;
import io.gatling.core.check.Check;
import io.gatling.core.check.Check$;
import io.gatling.core.session.Session;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshResponse;
import io.github.gatlingssh.client.exec.CommandOutput;
import io.github.gatlingssh.client.exec.CommandResult;
import java.util.List;
import scala.Option;
import scala.Tuple2;

/**
 * The checks of a request on a shell or tunnel. They see an {@link SshResponse} whose stdout is the
 * text the step received (for expect: from the previous match up to and including this one), so
 * Gatling's {@code bodyString}, {@code regex} (with groups) and {@code substring} read it, and
 * {@code exitStatus()} reads a shell's exit status (awaitExit).
 */
final class StreamChecks {
  private final scala.collection.immutable.List<Check<SshResponse>> checks;
  private final boolean exitChecked;

  StreamChecks(List<SshCheck> sshChecks) {
    List<Check<SshResponse>> asChecks = List.copyOf(sshChecks);
    this.checks = scala.jdk.javaapi.CollectionConverters.asScala(asChecks).toList();
    this.exitChecked = sshChecks.stream().anyMatch(c -> c.scope() == SshCheck.Scope.EXIT);
  }

  /** The session after the checks (saveAs) and the KO message, or null when every check passed. */
  record Outcome(Session session, String failure) {}

  /** Whether one of the checks reads the exit status or signal. */
  boolean exitChecked() {
    return exitChecked;
  }

  /**
   * The response of a step that received {@code text} (and, for awaitExit, how the shell ended).
   */
  static SshResponse response(
      String text, Integer exitStatus, String exitSignal, long start, long end) {
    long lines =
        text.chars().filter(c -> c == '\n').count()
            + (text.isEmpty() || text.endsWith("\n") ? 0 : 1);
    CommandOutput out =
        text.isEmpty() ? CommandOutput.EMPTY : new CommandOutput(text, text.length(), lines, false);
    return new SshResponse(
        new CommandResult(exitStatus, exitSignal, out, CommandOutput.EMPTY), start, end);
  }

  Outcome apply(Session session, SshResponse response) {
    if (checks.isEmpty()) {
      return new Outcome(session, null);
    }
    Tuple2<Session, Option<Failure>> checked = Check$.MODULE$.check(response, session, checks);
    return new Outcome(
        checked._1(), checked._2().isDefined() ? checked._2().get().message() : null);
  }
}
