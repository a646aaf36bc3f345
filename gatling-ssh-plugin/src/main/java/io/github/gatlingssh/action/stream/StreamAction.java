package io.github.gatlingssh.action.stream;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.github.gatlingssh.action.SshAction;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.stream.StreamChannel;
import io.github.gatlingssh.protocol.SshComponents;
import java.time.Duration;
import scala.Option;

/**
 * The base of the actions on a shell or tunnel: the stream is kept in the user's session under its
 * kind, connection and name (as Gatling WebSocket keeps its sockets).
 */
abstract class StreamAction extends SshAction {
  /** The request's attributes, as the DSL built them. */
  final StreamAttributes attributes;

  /** The session attribute the stream is kept under. */
  final String key;

  /** The request's timeout (its own or the protocol's requestTimeout). */
  final Duration timeout;

  /**
   * @param verb the action's verb, e.g. "Open" (the action is named "sshShellOpen-N")
   */
  StreamAction(
      String verb,
      StreamAttributes attributes,
      SshComponents components,
      ScenarioContext ctx,
      Action next) {
    super(
        "ssh" + capitalized(attributes.kind().label()) + verb,
        attributes.requestName(),
        components,
        ctx,
        next);
    this.attributes = attributes;
    this.key = key(attributes.kind(), attributes.connectionName(), attributes.streamName());
    this.timeout =
        attributes.timeout() != null
            ? attributes.timeout()
            : components.protocol().client().requestTimeout();
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The session attribute of a shell or tunnel. */
  static String key(StreamAttributes.Kind kind, String connectionName, String streamName) {
    return "gatling.ssh." + kind.label() + "." + connectionName + "." + streamName;
  }

  /** The user's shell or tunnel of this request's name, open or not, or null. */
  final StreamChannel<?> stream(Session session) {
    Option<Object> value = session.attributes().get(key);
    return value.isDefined() ? (StreamChannel<?>) value.get() : null;
  }

  /** The step named in this request's KO messages. */
  final SshFailure.Step step() {
    return attributes.kind() == StreamAttributes.Kind.SHELL
        ? SshFailure.Step.SHELL
        : SshFailure.Step.TUNNEL;
  }
}
