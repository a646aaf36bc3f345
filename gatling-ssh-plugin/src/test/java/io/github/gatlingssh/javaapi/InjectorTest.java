package io.github.gatlingssh.javaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectorTest {

  private static Injector injector(Map<String, String> properties, Map<String, String> env) {
    return Injector.from(new Injector.Settings(properties::get, env::get));
  }

  private static Injector injector(int index, int count) {
    return injector(Map.of("injector.index", "" + index, "injector.count", "" + count), Map.of());
  }

  @Test
  void systemPropertiesFirstThenTheIndexedJobsEnvironmentThenOneInjector() {
    Injector fromProperties =
        injector(
            Map.of("injector.index", "2", "injector.count", "3"),
            Map.of("JOB_COMPLETION_INDEX", "0", "INJECTORS", "5"));
    Injector fromEnv = injector(Map.of(), Map.of("JOB_COMPLETION_INDEX", "4", "INJECTORS", "5"));
    Injector alone = injector(Map.of(), Map.of());

    assertThat(fromProperties.shareOf(3)).isEqualTo(1);
    assertThat(List.of(fromProperties.shareOf(30), fromEnv.shareOf(10), alone.shareOf(7)))
        .containsExactly(10, 2, 7);
    assertThat(fromEnv.shardOf(records(10))).extracting(r -> r.get("n")).containsExactly(4, 9);
    assertThat(alone.shardOf(records(3))).hasSize(3);
  }

  @Test
  void sharesAddUpToTheTotalWithTheRemainderOnTheLowestIndices() {
    assertThat(IntStream.range(0, 3).map(i -> injector(i, 3).shareOf(10))).containsExactly(4, 3, 3);
    for (int users : new int[] {0, 1, 2, 99, 1000}) {
      int n = 7;
      assertThat(IntStream.range(0, n).map(i -> injector(i, n).shareOf(users)).sum())
          .isEqualTo(users);
    }
    assertThat(injector(1, 4).shareOf(50.0)).isEqualTo(12.5);
    assertThatThrownBy(() -> injector(0, 2).shareOf(-1))
        .hasMessage("users must not be negative, was -1");
    assertThatThrownBy(() -> injector(0, 2).shareOf(Double.NaN))
        .hasMessage("rate must be a positive number, was NaN");
  }

  @Test
  void shardsAreDisjointAndCoverTheFeeder() {
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      injector(i, 3).shardOf(records(11)).forEach(r -> all.add(r.get("n")));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 11).boxed().toList());
    assertThat(injector(1, 3).shardOf(records(11)))
        .extracting(r -> r.get("n"))
        .containsExactly(1, 4, 7, 10);
    assertThatThrownBy(() -> injector(2, 3).shardOf(records(2)))
        .hasMessage(
            "injector 2 of 3 gets no record of a feeder of 2: give the feeder at least one"
                + " record per injector");
  }

  @Test
  void invalidSettingsFailSayingWhatToSet() {
    assertThatThrownBy(() -> injector(Map.of("injector.index", "x"), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("-Dinjector.index (or env JOB_COMPLETION_INDEX) 'x' is not a whole number");
    assertThatThrownBy(() -> injector(Map.of(), Map.of("JOB_COMPLETION_INDEX", "3")))
        .hasMessage(
            "the injector index is 3 but the count is 1: the index goes from 0 to count - 1;"
                + " set -Dinjector.count (or INJECTORS) to the number of injectors");
    assertThatThrownBy(() -> injector(Map.of("injector.count", "0"), Map.of()))
        .hasMessage("the injector count is 0: set -Dinjector.count (or INJECTORS) to 1 or more");
    assertThatThrownBy(() -> injector(Map.of("injector.count", "99999999999"), Map.of()))
        .hasMessageEndingWith("is out of range");
  }

  @Test
  void theStaticMethodsReadTheSystemProperties() {
    System.setProperty("injector.index", "1");
    System.setProperty("injector.count", "2");
    try {
      assertThat(Injector.index()).isEqualTo(1);
      assertThat(Injector.share(5)).isEqualTo(2);
      assertThat(Injector.share(5.0)).isEqualTo(2.5);
      assertThat(Injector.count()).isEqualTo(2);
    } finally {
      System.clearProperty("injector.index");
      System.clearProperty("injector.count");
    }
  }

  @Test
  void theBarrierReleasesEveryInjectorAtOneStartTime(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> released = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int index = i;
        Thread.sleep(100); // injectors arrive one after the other
        released.add(
            pool.submit(
                () -> {
                  new StartBarrier(dir, index, 3, 30_000).await();
                  return System.currentTimeMillis();
                }));
      }
      List<Long> times = new ArrayList<>();
      for (Future<Long> f : released) {
        times.add(f.get(30, TimeUnit.SECONDS));
      }
      long startAt = Long.parseLong(Files.readString(dir.resolve("start-at")).trim());
      assertThat(times).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(startAt));
      assertThat(dir.resolve("ready-0")).exists();
      assertThat(dir.resolve("ready-2")).exists();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBarrierTimesOutNamingTheMissingInjectors(@TempDir Path dir) {
    assertThatThrownBy(() -> new StartBarrier(dir, 0, 2, 200).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("only 1 of 2 injectors reached the start barrier in " + dir + " within 0 s");
  }

  private static List<java.util.Map<String, Object>> records(int n) {
    return IntStream.range(0, n)
        .<java.util.Map<String, Object>>mapToObj(i -> Map.of("n", i))
        .toList();
  }
}
