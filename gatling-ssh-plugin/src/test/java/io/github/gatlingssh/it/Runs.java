package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.GatlingRunner;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The run most tests make, and the assertions on it that many make, written once. */
public final class Runs {

  private Runs() {}

  /**
   * Runs one scenario whose {@code users} all start at once, with {@code protocol}.
   *
   * @param scenario builds the scenario inside the simulation, where Gatling's DSL may read its
   *     configuration (a {@code regex} check built before fails)
   * @return the finished run
   */
  public static GatlingResult atOnce(
      Supplier<ScenarioBuilder> scenario, int users, SshProtocolBuilder protocol) {
    return ScriptedSimulation.run(sim -> setUp(sim, scenario, users, protocol));
  }

  /**
   * As {@link #atOnce(Supplier, int, SshProtocolBuilder)}, the run cut at {@code maxDuration}
   * (users that wait for each other, or many users on a loaded machine, must not hang the build).
   */
  public static GatlingResult atOnce(
      Supplier<ScenarioBuilder> scenario,
      int users,
      SshProtocolBuilder protocol,
      Duration maxDuration) {
    return ScriptedSimulation.run(
        sim -> setUp(sim, scenario, users, protocol).maxDuration(maxDuration));
  }

  /** As {@link #atOnce(Supplier, int, SshProtocolBuilder)}, run with {@code options}. */
  public static GatlingResult atOnce(
      Supplier<ScenarioBuilder> scenario,
      int users,
      SshProtocolBuilder protocol,
      GatlingRunner.Options options) {
    return ScriptedSimulation.run(sim -> setUp(sim, scenario, users, protocol), options);
  }

  /** One scenario of a run with several: its users all start at once, with their own protocol. */
  public record Group(Supplier<ScenarioBuilder> scenario, int users, SshProtocolBuilder protocol) {
    PopulationBuilder population() {
      return scenario.get().injectOpen(atOnceUsers(users)).protocols(protocol);
    }
  }

  /** Runs the {@code groups} side by side in one simulation. */
  public static GatlingResult together(Group... groups) {
    return ScriptedSimulation.run(
        sim -> sim.setUp(Arrays.stream(groups).map(Group::population).toList()));
  }

  private static Simulation.SetUp setUp(
      Simulation sim, Supplier<ScenarioBuilder> scenario, int users, SshProtocolBuilder protocol) {
    return sim.setUp(scenario.get().injectOpen(atOnceUsers(users))).protocols(protocol);
  }

  /** Each of {@code requests} is OK exactly {@code times} times in the run (checked in order). */
  static void assertAllOk(GatlingResult r, int times, String... requests) {
    for (String request : requests) {
      assertThat(r.ok(request)).as("%s: %s", request, r.summary()).isEqualTo(times);
    }
  }

  /**
   * {@code request} is KO exactly {@code times} times in the run, each message starting with {@code
   * prefix}.
   */
  static void assertAllKoStartingWith(GatlingResult r, int times, String request, String prefix) {
    assertAllKo(r, times, request, m -> assertThat(m).startsWith(prefix));
  }

  /**
   * {@code request} is KO exactly {@code times} times in the run, each message satisfying {@code
   * each}.
   */
  public static void assertAllKo(
      GatlingResult r, int times, String request, Consumer<String> each) {
    assertThat(r.koMessages(request))
        .as("%s: %s", request, r.summary())
        .hasSize(times)
        .allSatisfy(each);
  }
}
