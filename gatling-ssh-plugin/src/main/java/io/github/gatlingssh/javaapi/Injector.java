package io.github.gatlingssh.javaapi;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * This injector's place when one simulation runs on N injectors (N JVMs, e.g. the pods of a
 * Kubernetes Indexed Job) whose {@code simulation.log} files are merged into one report afterwards.
 *
 * <p>The index and the count come from {@code -Dinjector.index} and {@code -Dinjector.count}, else
 * from the environment variables {@code JOB_COMPLETION_INDEX} (set by an Indexed Job) and {@code
 * INJECTORS}, else 0 and 1: a simulation written with this class runs unchanged on one injector.
 *
 * <pre>{@code
 * public class MySimulation extends Simulation {
 *   FeederBuilder<Object> accounts = Injector.shard(csv("accounts.csv")).circular();
 *   ScenarioBuilder scn = scenario("upload")
 *       .feed(accounts)
 *       .exec(Injector.attribute())               // #{injector}, #{injectorUserId}
 *       .exec(ssh("connect").connect())
 *       .exec(ssh("upload").exec("cat > /tmp/upload-#{injectorUserId}.bin < /dev/null"));
 *
 *   {
 *     setUp(scn.injectOpen(
 *         rampUsers(Injector.share(1000)).during(60),          // 1000 users in all
 *         constantUsersPerSec(Injector.share(50.0)).during(300))) // 50 users/s in all
 *       .protocols(protocol);
 *   }
 *
 *   @Override
 *   public void before() {
 *     Injector.awaitStart(); // every injector starts injecting at the same time
 *   }
 * }
 * }</pre>
 */
public final class Injector {
  /** Session attribute {@link #attribute()} sets to this injector's index. */
  public static final String ATTRIBUTE = "injector";

  /** Session attribute {@link #attribute()} sets to {@code <index>-<userId>}, unique in the run. */
  public static final String USER_ATTRIBUTE = "injectorUserId";

  private final int index;
  private final int count;

  private Injector(int index, int count) {
    this.index = index;
    this.count = count;
  }

  /** This injector's index, from 0 to {@link #count()} - 1. */
  public static int index() {
    return current().index;
  }

  /** The number of injectors running the simulation. */
  public static int count() {
    return current().count;
  }

  /**
   * This injector's part of {@code users}: the parts of all injectors add up to {@code users}, the
   * remainder going to the lowest indices (10 users on 3 injectors: 4, 3, 3).
   *
   * @throws IllegalArgumentException if {@code users} is negative
   */
  public static int share(int users) {
    return current().shareOf(users);
  }

  /**
   * This injector's part of a rate ({@code rate / count}), e.g. for {@code constantUsersPerSec}.
   *
   * @throws IllegalArgumentException if {@code rate} is negative or not a number
   */
  public static double share(double rate) {
    return current().shareOf(rate);
  }

  /**
   * This injector's records of a feeder: every {@link #count()}-th record, from the {@link
   * #index()}-th; the injectors' shards are disjoint and cover the feeder. Gatling reads the whole
   * feeder to shard it. Choose the strategy after sharding: {@code
   * Injector.shard(csv("users.csv")).random()}. (Gatling's own {@code shard()} does nothing outside
   * Gatling Enterprise.)
   *
   * @throws IllegalArgumentException if this injector gets no record (fewer records than injectors)
   */
  public static <T> FeederBuilder<Object> shard(FeederBuilder<T> feeder) {
    return CoreDsl.listFeeder(current().shardOf(feeder.readRecords()));
  }

  /**
   * A session function that sets {@value #ATTRIBUTE} to this injector's index and {@value
   * #USER_ATTRIBUTE} to {@code <index>-<userId>}, so remote paths built from them never collide
   * across injectors (user ids restart at 1 on each): {@code .exec(Injector.attribute())}.
   */
  public static Function<Session, Session> attribute() {
    int i = current().index;
    return session -> session.set(ATTRIBUTE, i).set(USER_ATTRIBUTE, i + "-" + session.userId());
  }

  /**
   * The start barrier: blocks until every injector may start injecting, so that the merged report's
   * concurrency is true. Call it from the simulation's {@code before()} (Gatling's main thread,
   * after the simulation is built), never from a scenario. Without configuration, or with one
   * injector, it returns at once.
   *
   * <ul>
   *   <li>{@code -Dinjector.startAt=<epoch ms>} or env {@code INJECTOR_START_AT}: waits until then
   *       (the injectors' clocks must agree, e.g. NTP);
   *   <li>{@code -Dinjector.barrier=<dir>} or env {@code INJECTOR_BARRIER}: a directory every
   *       injector can write (a shared volume), fresh for each run. Each injector writes {@code
   *       ready-<index>}; the first to see all of them writes {@code start-at}, a second ahead, and
   *       all wait until then. {@code -Dinjector.barrierTimeout=<seconds>} (env {@code
   *       INJECTOR_BARRIER_TIMEOUT}, default 600) bounds the wait.
   * </ul>
   *
   * @throws IllegalStateException if the barrier times out or the settings are invalid
   */
  public static void awaitStart() {
    Settings settings = Settings.system();
    Injector injector = from(settings);
    String startAt = settings.get("injector.startAt", "INJECTOR_START_AT");
    String barrier = settings.get("injector.barrier", "INJECTOR_BARRIER");
    if (startAt != null) {
      StartBarrier.sleepUntil(parseLong("injector.startAt", "INJECTOR_START_AT", startAt));
    } else if (barrier != null && injector.count > 1) {
      String timeout = settings.get("injector.barrierTimeout", "INJECTOR_BARRIER_TIMEOUT");
      long seconds =
          timeout == null
              ? 600
              : parseLong("injector.barrierTimeout", "INJECTOR_BARRIER_TIMEOUT", timeout);
      new StartBarrier(Path.of(barrier), injector.index, injector.count, seconds * 1000).await();
    }
  }

  static Injector current() {
    return from(Settings.system());
  }

  static Injector from(Settings settings) {
    String index = settings.get("injector.index", "JOB_COMPLETION_INDEX");
    String count = settings.get("injector.count", "INJECTORS");
    int i = index == null ? 0 : parseInt("injector.index", "JOB_COMPLETION_INDEX", index);
    int n = count == null ? 1 : parseInt("injector.count", "INJECTORS", count);
    if (n < 1) {
      throw new IllegalStateException(
          "the injector count is " + n + ": set -Dinjector.count (or INJECTORS) to 1 or more");
    }
    if (i < 0 || i >= n) {
      throw new IllegalStateException(
          "the injector index is "
              + i
              + " but the count is "
              + n
              + ": the index goes from 0 to"
              + " count - 1; set -Dinjector.count (or INJECTORS) to the number of injectors");
    }
    return new Injector(i, n);
  }

  int shareOf(int users) {
    if (users < 0) {
      throw new IllegalArgumentException("users must not be negative, was " + users);
    }
    return users / count + (index < users % count ? 1 : 0);
  }

  double shareOf(double rate) {
    if (!(rate >= 0)) {
      throw new IllegalArgumentException("rate must be a positive number, was " + rate);
    }
    return rate / count;
  }

  List<Map<String, Object>> shardOf(List<Map<String, Object>> records) {
    List<Map<String, Object>> shard = new ArrayList<>();
    for (int r = index; r < records.size(); r += count) {
      shard.add(records.get(r));
    }
    if (shard.isEmpty()) {
      throw new IllegalArgumentException(
          "injector "
              + index
              + " of "
              + count
              + " gets no record of a feeder of "
              + records.size()
              + ": give the feeder at least one record per injector");
    }
    return shard;
  }

  private static int parseInt(String property, String env, String value) {
    long parsed = parseLong(property, env, value);
    if (parsed != (int) parsed) {
      throw new IllegalStateException(describe(property, env, value) + " is out of range");
    }
    return (int) parsed;
  }

  private static long parseLong(String property, String env, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(describe(property, env, value) + " is not a whole number");
    }
  }

  private static String describe(String property, String env, String value) {
    return "-D" + property + " (or env " + env + ") '" + value + "'";
  }

  /** Where settings come from: system properties first, then the environment. */
  record Settings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    static Settings system() {
      return new Settings(System::getProperty, System::getenv);
    }

    String get(String property, String env) {
      String value = properties.apply(property);
      if (value == null || value.isBlank()) {
        value = environment.apply(env);
      }
      return value == null || value.isBlank() ? null : value;
    }
  }
}
