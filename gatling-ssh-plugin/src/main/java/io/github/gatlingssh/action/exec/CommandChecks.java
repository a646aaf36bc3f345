package io.github.gatlingssh.action.exec;

import io.gatling.commons.validation.Failure;
import io.gatling.core.check.Check;
import io.gatling.core.check.Check$;
import io.gatling.core.session.Session;
import io.github.gatlingssh.check.SshCheck;
import io.github.gatlingssh.check.SshResponse;
import java.util.List;
import scala.Option;
import scala.Tuple2;

/**
 * The checks of a request that ends with a command's exit. Without an exit check, a non-zero exit
 * status or a signal is a KO, as Gatling HTTP's default status check.
 */
final class CommandChecks {
  private final scala.collection.immutable.List<Check<SshResponse>> checks;
  private final boolean exitChecked;

  CommandChecks(List<SshCheck> sshChecks) {
    List<Check<SshResponse>> asChecks = List.copyOf(sshChecks);
    this.checks = scala.jdk.javaapi.CollectionConverters.asScala(asChecks).toList();
    this.exitChecked = sshChecks.stream().anyMatch(c -> c.scope() == SshCheck.Scope.EXIT);
  }

  /** The session after the checks (saveAs) and the KO message, or null when every check passed. */
  record Outcome(Session session, String failure) {}

  Outcome apply(Session session, SshResponse response) {
    String failure =
        exitChecked || response.result().succeeded() ? null : response.result().describeExit();
    if (checks.isEmpty()) {
      return new Outcome(session, failure);
    }
    Tuple2<Session, Option<Failure>> checked = Check$.MODULE$.check(response, session, checks);
    if (failure == null && checked._2().isDefined()) {
      failure = checked._2().get().message();
    }
    return new Outcome(checked._1(), failure);
  }
}
