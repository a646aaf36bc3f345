package io.github.gatlingssh.testkit.gatling;

import io.gatling.javaapi.core.Simulation;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulation whose set-up a test writes inline, run by Gatling's own runner in the test JVM:
 *
 * <pre>{@code
 * GatlingResult r = ScriptedSimulation.run(sim -> sim.setUp(
 *     scenario("s").exec(ssh("echo").exec("echo hi")).injectOpen(atOnceUsers(3))).protocols(protocol));
 * assertThat(r.ok("echo")).isEqualTo(3);
 * }</pre>
 */
public class ScriptedSimulation extends Simulation {
  private static volatile Consumer<Simulation> script;

  public ScriptedSimulation() {
    Consumer<Simulation> s = script;
    if (s == null) {
      throw new IllegalStateException(
          "ScriptedSimulation runs only through ScriptedSimulation.run(..)");
    }
    s.accept(this);
  }

  public static synchronized GatlingResult run(Consumer<Simulation> setUp) {
    return run(setUp, Map.of());
  }

  public static synchronized GatlingResult run(
      Consumer<Simulation> setUp, Map<String, String> systemProperties) {
    return run(setUp, GatlingRunner.Options.defaults().withSystemProperties(systemProperties));
  }

  public static synchronized GatlingResult run(
      Consumer<Simulation> setUp, GatlingRunner.Options options) {
    script = setUp;
    try {
      return GatlingRunner.run(ScriptedSimulation.class, options);
    } finally {
      script = null;
    }
  }
}
