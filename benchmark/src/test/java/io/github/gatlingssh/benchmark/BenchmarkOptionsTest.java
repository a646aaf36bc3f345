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

  @Test
  void modesAndSteadyState() {
    BenchmarkOptions defaults = BenchmarkOptions.parse(new String[0], Path.of("/repo"));
    assertThat(defaults.clients())
        .containsExactly(Client.GATLING, Client.MINA, Client.OPENSSH, Client.GO);
    assertThat(defaults.atOnce()).isTrue();
    assertThat(defaults.steady()).isTrue();
    assertThat(defaults.steadyUsers()).isEqualTo(100);
    assertThat(defaults.steadySeconds()).isEqualTo(60);

    BenchmarkOptions steady =
        BenchmarkOptions.parse(
            new String[] {"--mode", "steady", "--steady-users", "50", "--steady-seconds", "20"},
            Path.of("/repo"));
    assertThat(steady.atOnce()).isFalse();
    assertThat(steady.steady()).isTrue();
    assertThat(steady.steadyUsers()).isEqualTo(50);
    assertThat(steady.steadySeconds()).isEqualTo(20);
    assertThat(BenchmarkOptions.parse(new String[] {"--mode", "once"}, Path.of("/")).steady())
        .isFalse();
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--mode", "x"}, Path.of("/")))
        .hasMessageContaining("once, steady or both");
    assertThatThrownBy(
            () -> BenchmarkOptions.parse(new String[] {"--steady-seconds", "0"}, Path.of("/")))
        .hasMessageContaining("positive");
    assertThatThrownBy(
            () -> BenchmarkOptions.parse(new String[] {"--clients", "gatling,rust"}, Path.of("/")))
        .hasMessageContaining("unknown client rust");
  }

  @Test
  void aClientThatCannotRunIsSkippedUnlessAskedForByName() {
    BenchmarkOptions defaults = BenchmarkOptions.parse(new String[0], Path.of("/repo"));
    assertThat(defaults.without(Client.GO, "no go").clients())
        .containsExactly(Client.GATLING, Client.MINA, Client.OPENSSH);

    BenchmarkOptions asked =
        BenchmarkOptions.parse(new String[] {"--clients", "gatling,go"}, Path.of("/repo"));
    assertThatThrownBy(() -> asked.without(Client.GO, "go is not installed"))
        .hasMessageContaining("Go x/crypto/ssh was asked for")
        .hasMessageContaining("go is not installed");
  }
}
