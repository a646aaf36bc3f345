package io.github.gatlingssh.action.stream;

import io.gatling.core.action.builder.ActionBuilder;
import io.github.gatlingssh.action.SshActionBuilder;
import io.github.gatlingssh.action.stream.StreamVerbAction.Verb;

/** Gatling's side of the shell and tunnel DSL builders: the action of each verb. */
public final class StreamActionBuilder {

  private StreamActionBuilder() {}

  /** open(): a shell or a tunnel, by the attributes' kind: see {@link OpenStreamAction}. */
  public static ActionBuilder open(StreamAttributes a) {
    return new SshActionBuilder<>(a, OpenStreamAction::new);
  }

  /** send(..) and/or expect(..): see {@link Verb#SEND_EXPECT}. */
  public static ActionBuilder sendExpect(StreamAttributes a) {
    return verb(a, Verb.SEND_EXPECT);
  }

  /** awaitExit(): see {@link Verb#AWAIT_EXIT}. */
  public static ActionBuilder awaitExit(StreamAttributes a) {
    return verb(a, Verb.AWAIT_EXIT);
  }

  /** close(): see {@link Verb#CLOSE}. */
  public static ActionBuilder close(StreamAttributes a) {
    return verb(a, Verb.CLOSE);
  }

  private static ActionBuilder verb(StreamAttributes a, Verb verb) {
    return new SshActionBuilder<>(
        a,
        (attributes, components, ctx, next) ->
            new StreamVerbAction(verb, attributes, components, ctx, next));
  }
}
