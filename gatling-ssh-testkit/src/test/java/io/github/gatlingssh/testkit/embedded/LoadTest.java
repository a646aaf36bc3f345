package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Concurrency and streaming at the sizes the project's simulations use. */
class LoadTest {

  private static final Logger LOG = LoggerFactory.getLogger(LoadTest.class);

  private static EmbeddedSshServer server;
  private static TestClient client;

  @BeforeAll
  static void start() throws IOException {
    server = EmbeddedSshServer.builder().build().start();
    client = new TestClient(server);
    client.run("true"); // warm up both sides
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
  }

  @Test
  void twoHundredConcurrentSessionsEachCatTheSeedFile() throws Exception {
    int sessions = 200;
    String command = "cat " + server.seedFile();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    List<CompletableFuture<Void>> authenticated =
        IntStream.range(0, sessions)
            .mapToObj(i -> new CompletableFuture<Void>())
            .collect(Collectors.toList());
    long start = System.nanoTime();
    List<CompletableFuture<TestClient.Result>> runs =
        IntStream.range(0, sessions)
            .mapToObj(i -> client.runAsync(command, authenticated.get(i), gate))
            .collect(Collectors.toList());
    CompletableFuture.allOf(authenticated.toArray(CompletableFuture[]::new))
        .get(60, TimeUnit.SECONDS);
    Duration handshakes = Duration.ofNanos(System.nanoTime() - start);
    int openSessions = server.activeSessionCount();

    // all 200 sessions are open: now each runs cat at the same time
    long execStart = System.nanoTime();
    gate.complete(null);
    CompletableFuture<Void> all = CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
    int maxThreads = ServerThreads.names(server).size();
    while (!all.isDone()) {
      maxThreads = Math.max(maxThreads, ServerThreads.names(server).size());
      Thread.sleep(5);
    }
    all.get(60, TimeUnit.SECONDS);
    long now = System.nanoTime();
    LOG.info(
        "{} sessions: connect+auth {} ms, then {} concurrent cat of {} bytes {} ms (total {} ms); "
            + "server threads max {}: {}",
        sessions,
        handshakes.toMillis(),
        sessions,
        SeedFile.SIZE,
        Duration.ofNanos(now - execStart).toMillis(),
        Duration.ofNanos(now - start).toMillis(),
        maxThreads,
        ServerThreads.names(server));

    assertThat(openSessions).isEqualTo(sessions);
    byte[] seed = SeedFile.content();
    for (CompletableFuture<TestClient.Result> run : runs) {
      TestClient.Result r = run.join();
      assertThat(r.stdout()).isEqualTo(seed);
      assertThat(r.stderr()).isEmpty();
      assertThat(r.exitStatus()).isZero();
    }
    // one scheduler thread, NIO2 workers and resume threads (cores + 1 each); none per session
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(maxThreads).isLessThanOrEqualTo(1 + 2 * (cores + 1));
  }

  @Test
  void hundredMebibyteFloodStreamsWithBackPressure() throws Exception {
    long total = 100L * 1024 * 1024;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = usedHeapAfterGc(memory);

    try (ClientSession session = client.login()) {
      ChannelExec channel = session.createExecChannel("bytes " + total);
      channel.setStreaming(StreamingChannel.Streaming.Async);
      channel.open().verify(TestClient.TIMEOUT);

      long pauseAt = 10L * 1024 * 1024;
      long start = System.nanoTime();
      Reader reader = new Reader(channel.getAsyncOut(), pauseAt);
      reader.read();

      // the client stops reading: the server must stall on the window, not buffer the rest
      assertThat(reader.paused.await(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(500);
      long stalledAt = reader.received.get();
      long heapWhileStalled = usedHeapAfterGc(memory) - baseline;
      reader.resume.countDown();
      reader.read();

      assertThat(reader.eof.await(60, TimeUnit.SECONDS)).isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      channel.waitFor(List.of(ClientChannelEvent.CLOSED), TestClient.TIMEOUT);
      LOG.info(
          "bytes {}: {} ms ({} MB/s incl. a 0.5 s pause); heap growth while the client stalled: {}"
              + " KiB",
          total,
          took.toMillis(),
          total / 1000 / Math.max(1, took.toMillis()),
          heapWhileStalled / 1024);

      assertThat(reader.failure.get()).isNull();
      assertThat(reader.received.get()).isEqualTo(total);
      assertThat(stalledAt).isLessThan(pauseAt + 4L * 1024 * 1024); // window + read buffer
      assertThat(heapWhileStalled).isLessThan(32L * 1024 * 1024);
      assertThat(channel.getExitStatus()).isZero();
    }
  }

  /** Keeps one async read pending; stops once at {@code pauseAt} until released. */
  private static final class Reader {
    final AtomicLong received = new AtomicLong();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);
    final CountDownLatch eof = new CountDownLatch(1);
    private final IoInputStream in;
    private final long pauseAt;
    private final ByteArrayBuffer buffer = new ByteArrayBuffer(32 * 1024, false);

    Reader(IoInputStream in, long pauseAt) {
      this.in = in;
      this.pauseAt = pauseAt;
    }

    void read() {
      buffer.clear();
      in.read(buffer)
          .addListener(
              f -> {
                if (f.getException() != null || f.getRead() < 0) {
                  if (f.getException() != null && received.get() == 0) {
                    failure.set(f.getException());
                  }
                  eof.countDown();
                  return;
                }
                long now = received.addAndGet(f.getRead());
                if (now >= pauseAt && resume.getCount() > 0) {
                  paused.countDown(); // the test thread calls read() again after the pause
                  return;
                }
                read();
              });
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
    }
    return min;
  }
}
