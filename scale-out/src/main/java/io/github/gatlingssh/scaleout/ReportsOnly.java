package io.github.gatlingssh.scaleout;

import java.nio.file.Path;

/**
 * Gatling's own reports-only generation ({@code io.gatling.app.Gatling -ro RUN_ID -rf RESULTS}), in
 * this JVM: Gatling reads {@code RESULTS/RUN_ID/simulation.log}, writes the HTML report next to it
 * and re-checks the assertions stored in the log.
 */
final class ReportsOnly {
  /** Gatling's exit code when assertions failed ({@code io.gatling.app.cli.StatusCode}). */
  static final int ASSERTIONS_FAILED = 2;

  private ReportsOnly() {}

  /** The version of the Gatling in this JVM, the only one whose logs its reader reads. */
  static String gatlingVersion() {
    return io.gatling.commons.util.GatlingVersion.ThisVersion().fullVersion();
  }

  /**
   * Generates the report of {@code resultsDir/runId}.
   *
   * @return Gatling's exit code: 0, or {@link #ASSERTIONS_FAILED}
   * @throws IllegalStateException if this JVM lacks the {@code --add-opens} Gatling's reader needs
   */
  static int generate(Path resultsDir, String runId) {
    try {
      io.gatling.core.stats.writer.StringInternals.checkAvailability();
    } catch (Throwable e) { // declared by the Scala code: it throws when internals are closed
      throw new IllegalStateException(
          "Gatling cannot read simulation.log in this JVM: run it with"
              + " --add-opens java.base/java.lang=ALL-UNNAMED",
          e);
    }
    // option names: io.gatling.shared.cli.GatlingCliOptions
    return io.gatling.app.Gatling$.MODULE$.fromArgs(
        new String[] {"-ro", runId, "-rf", resultsDir.toString()});
  }
}
