package io.github.gatlingssh.benchmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark waits for the Go client's "ready" line, but never forever. */
class GoRunReadyTest {
  private static final Path LOG = Path.of("output.log");

  @Test
  void returnsAtTheReadyLine() throws Exception {
    Process p = sh("echo warming; echo ready; exec sleep 30");
    try {
      GoRun.awaitReady(p, LOG, Duration.ofMinutes(1));
      assertThat(p.isAlive()).as("the client goes on after its ready line").isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aClientThatNeverGetsReadyIsKilledAfterTheBound() throws Exception {
    // a child holding the output open too, as a wrapper script would
    Process p = sh("echo warming; sleep 60; true");
    try {
      assertThatThrownBy(() -> GoRun.awaitReady(p, LOG, Duration.ofMillis(500)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not ready within PT0.5S");
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aClientThatEndsDuringItsWarmUpSaysSo() throws Exception {
    Process p = sh("echo warming; exit 3");
    assertThatThrownBy(() -> GoRun.awaitReady(p, LOG, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended during its warm-up");
  }

  private static Process sh(String script) throws Exception {
    return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
  }
}
