package io.github.gatlingssh.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.gatling.GatlingResult;

/** Assertions on a finished run that many tests make, written once. */
final class Runs {

  private Runs() {}

  /** Each of {@code requests} is OK exactly {@code times} times in the run (checked in order). */
  static void assertAllOk(GatlingResult r, int times, String... requests) {
    for (String request : requests) {
      assertThat(r.ok(request)).as("%s: %s", request, r.summary()).isEqualTo(times);
    }
  }
}
