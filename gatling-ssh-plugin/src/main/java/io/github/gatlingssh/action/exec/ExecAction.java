package io.github.gatlingssh.action.exec;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAttributes;
import io.github.gatlingssh.check.SshChecks;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.exec.RemoteCommand;
import io.github.gatlingssh.protocol.Param;
import io.github.gatlingssh.protocol.SshComponents;
import io.github.gatlingssh.protocol.SshProtocol;
import java.time.Duration;

/** exec(command): one request from channel open to channel close: run the command, read its output, check its exit. */
public final class ExecAction extends CommandAction {
  private final String connectionName;
  private final Param<String> command;
  private final Duration timeout;
  private final CommandChecks checks;

  /** Builds the action of one {@code exec} in a scenario. */
  public ExecAction(SshAttributes attributes, SshComponents components, ScenarioContext ctx, Action next) {
    super("sshExec", attributes.requestName(), components, ctx, next);
    SshProtocol protocol = components.protocol();
    this.connectionName = attributes.connectionName();
    this.command = attributes.command();
    this.timeout = requestTimeout(attributes);
    this.checks = new CommandChecks(SshChecks.toScalaChecks(attributes.checks(), protocol.charset()));
  }

  @Override
  protected Validation<Runnable> prepare(Session session, String request) {
    Validation<String> resolved = command.resolve(session);
    if (failed(resolved)) {
      return propagate(resolved);
    }
    String commandLine = value(resolved);
    return success(() -> {
      long start = now();
      SshConnection connection = openConnection(session, request, start, connectionName);
      if (connection == null) {
        return;
      }
      RemoteCommand rc = startCommand(connection, commandLine);
      whenDone(session, rc.completion(timeout), SshFailure.Step.EXEC,
          (result, failure, end) -> finishCommand(session, request, start, end, result, failure, checks));
    });
  }
}
