package io.github.gatlingssh.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.benchmark.result.Client;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark's command line. */
class BenchmarkOptionsTest {

  @Test
  void options() {
    BenchmarkOptions o =
        BenchmarkOptions.parse(
            new String[] {
              "--users", "1, 10", "--repetitions", "2", "--clients", "mina,openssh", "--no-ramp"
            },
            Path.of("/repo"));

    assertThat(o.users()).containsExactly(1, 10);
    assertThat(o.repetitions()).isEqualTo(2);
    assertThat(o.clients()).containsExactly(Client.MINA, Client.OPENSSH);
    assertThat(o.ramp()).isFalse();
    assertThat(o.outDir()).isEqualTo(Path.of("/repo/benchmark/target"));
    assertThat(BenchmarkOptions.parse(new String[0], Path.of("/repo")).users())
        .containsExactly(1, 10, 50, 100, 200);
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--bogus"}, Path.of("/")))
        .hasMessageContaining("usage");
  }
}
