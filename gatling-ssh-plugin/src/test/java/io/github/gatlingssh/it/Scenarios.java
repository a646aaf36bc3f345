package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.github.gatlingssh.javaapi.SshDsl.ssh;

import io.gatling.javaapi.core.ScenarioBuilder;

/** The scenario openings most tests share, written once. */
public final class Scenarios {

  private Scenarios() {}

  /** A scenario named {@code name} whose users first connect, as the request "connect". */
  public static ScenarioBuilder connected(String name) {
    return scenario(name).exec(ssh("connect").connect());
  }
}
