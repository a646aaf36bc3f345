package io.github.gatlingssh.metrics;

import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.protocol.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's metrics: records every request and byte count, samples the injector once per step (kept
 * for the injector page), exports to the configured Micrometer registries while the run lasts, and
 * at the end writes the injector page beside Gatling's report. Created once per run; the first SSH
 * protocol's {@link Metrics} settings apply to the whole run.
 */
public final class RunMetrics implements RequestMetrics, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RunMetrics.class);

  private final EventLoopLag lag;
  private final IoThreadLag ioLag = new IoThreadLag();
  private final MinaCounters mina = new MinaCounters();
  private final LongAdder sentBytes = new LongAdder();
  private final LongAdder receivedBytes = new LongAdder();
  private final Set<SshConnector> watched = ConcurrentHashMap.newKeySet();
  private final StepSeries series = new StepSeries();
  private final InjectorSampler injector = new InjectorSampler();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile RequestMeters requests = new RequestMeters(null);
  private volatile double lastLagMillis;
  private volatile double lastIoLagMillis;
  private volatile double lastProcessCpuLoad = Double.NaN;
  private volatile Path runDirectory;
  private Metrics settings;
  private LiveRegistries live;
  private ScheduledExecutorService sampler;

  /**
   * @param eventLoops Gatling's event loops, whose lag is sampled
   */
  public RunMetrics(EventExecutorGroup eventLoops) {
    this.lag = new EventLoopLag(eventLoops);
  }

  /**
   * Starts sampling and exporting with these settings; called for every protocol of the run, the
   * first one's settings win (a different later one is logged).
   */
  public synchronized void start(Metrics metrics) {
    if (closed.get()) {
      return;
    }
    if (settings != null) {
      if (!settings.equals(metrics)) {
        LOGGER.warn(
            "gatling-ssh metrics: this run's SSH protocols ask for different metrics settings; the"
                + " first protocol's apply to the whole run: {}",
            settings);
      }
      return;
    }
    settings = metrics;
    if (metrics.live()) {
      live = new LiveRegistries(metrics, () -> lastProcessCpuLoad);
      bind(live.composite);
      requests = new RequestMeters(live.composite);
    }
    sampler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("gatling-ssh-metrics"));
    long step = metrics.step().toMillis();
    sampler.schedule(this::findRunDirectory, 500, TimeUnit.MILLISECONDS);
    sampler.scheduleAtFixedRate(this::sample, 0, step, TimeUnit.MILLISECONDS);
  }

  /**
   * The settings that apply to the whole run (the first protocol's), or null before {@link #start}.
   */
  public synchronized Metrics settings() {
    return settings;
  }

  private void bind(MeterRegistry registry) {
    Gauge.builder("gatling.ssh.connections.open", mina.connections, Number::doubleValue)
        .description("open SSH connections (handshaking included)")
        .register(registry);
    Gauge.builder("gatling.ssh.channels.open", mina.channels, Number::doubleValue)
        .description("open SSH channels")
        .register(registry);
    FunctionCounter.builder("gatling.ssh.connects", mina.connects, LongAdder::doubleValue)
        .description("SSH connections authenticated")
        .register(registry);
    FunctionCounter.builder("gatling.ssh.bytes.sent", sentBytes, LongAdder::doubleValue)
        .description("payload bytes sent (stdin, SFTP)")
        .register(registry);
    FunctionCounter.builder("gatling.ssh.bytes.received", receivedBytes, LongAdder::doubleValue)
        .description("payload bytes received (stdout, stderr, SFTP)")
        .register(registry);
    Gauge.builder("gatling.ssh.injector.event.loop.lag", this, m -> m.lastLagMillis / 1000)
        .baseUnit("seconds")
        .description("how late Gatling's event loops ran a task queued each step")
        .register(registry);
    Gauge.builder("gatling.ssh.injector.io.thread.lag", this, m -> m.lastIoLagMillis / 1000)
        .baseUnit("seconds")
        .description("how late MINA's I/O threads ran a task queued each step")
        .register(registry);
  }

  /**
   * Counts this client's connections and channels (once per client, however many protocols share
   * it).
   */
  public void watch(SshConnector connector) {
    if (watched.add(connector)) {
      connector.addListeners(mina.sessionListener, mina.channelListener);
      ioLag.add(connector.ioThreads());
    }
  }

  @Override
  public void record(String request, boolean ok, long startMillis, long endMillis) {
    requests.record(request, ok, endMillis - startMillis);
  }

  @Override
  public void sent(long bytes) {
    sentBytes.add(bytes);
  }

  @Override
  public void received(long bytes) {
    receivedBytes.add(bytes);
  }

  private void findRunDirectory() {
    if (runDirectory == null) {
      runDirectory = RunDirectory.probe();
    }
  }

  /** On the sampler thread, once per step: what the page shows, then the next lag probes. */
  private void sample() {
    try {
      findRunDirectory();
      lastLagMillis = lag.drainMillis();
      lastIoLagMillis = ioLag.drainMillis();
      double cpuPercent = injector.processCpuPercent();
      lastProcessCpuLoad = cpuPercent / 100;
      double[] values = {
        cpuPercent,
        injector.heapUsedMiB(),
        lastLagMillis,
        mina.connections.get(),
        mina.channels.get(),
        lastIoLagMillis
      };
      Map<String, Double> medians = requests.drainMedians();
      series.add(System.currentTimeMillis(), values, medians);
      lag.probe();
      ioLag.probe();
    } catch (RuntimeException e) {
      LOGGER.debug("gatling-ssh metrics: sample failed", e);
    }
  }

  /**
   * Stops sampling and exporting (push registries send their last step), then writes the injector
   * page. Called by Gatling's termination hook, also when maxDuration cut the run short.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (sampler != null) {
        sampler.shutdownNow();
        try {
          sampler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sample();
      }
      if (live != null) {
        live.close();
      }
      if (settings != null) {
        writePage();
      }
    }
  }

  private void writePage() {
    Path dir = runDirectory != null ? runDirectory : Path.of("").toAbsolutePath();
    try {
      Path page =
          InjectorPage.write(
              dir,
              dir.getFileName() == null ? "run" : dir.getFileName().toString(),
              series,
              settings.step().toMillis() / 1000.0);
      PagePrinter.written(page);
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      LOGGER.warn(
          "gatling-ssh metrics: could not write the injector page in {}: {}", dir, e.toString());
    }
  }
}
