package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.github.gatlingssh.javaapi.SshDsl.sftp;
import static io.github.gatlingssh.javaapi.SshDsl.ssh;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/** The scenario openings most tests share, written once. */
public final class Scenarios {

  private Scenarios() {}

  /** A scenario named {@code name} whose users first connect, as the request "connect". */
  public static ScenarioBuilder connected(String name) {
    return scenario(name).exec(ssh("connect").connect());
  }

  /**
   * Connects ("connect"), then makes the user's own remote directory {@code <prefix>-<userId>}
   * ("mkdir"), kept in the session as {@code dir}, with the user id as {@code id}.
   */
  public static ChainBuilder connectedWithOwnDir(String prefix) {
    return exec(ssh("connect").connect())
        .exec(
            session ->
                session.set("dir", prefix + "-" + session.userId()).set("id", session.userId()))
        .exec(sftp("mkdir").mkdir("#{dir}"));
  }
}
