package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.bare.BareMinaClient;
import io.github.gatlingssh.benchmark.bare.BareSession;
import io.github.gatlingssh.benchmark.bare.BareWarmUp;
import io.github.gatlingssh.benchmark.bare.Lockstep;
import io.github.gatlingssh.benchmark.cpu.CpuSampler;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.client.Negotiated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;

/**
 * Child JVM: the seed workload on bare MINA SSHD, the best a client on this library can do, after
 * the same JIT warm-up as gatling-ssh's ({@link BareWarmUp}): N sessions started at once and run in
 * lockstep (mode {@code once}), or N sessions each followed by a new one until {@code seconds} have
 * passed (mode {@code steady}). Writes the steps ({@link StepFile}) and CPU samples ({@link
 * CpuSampler}).
 *
 * <p>Arguments ({@code key=value}): host, port, user, key, knownHosts, file, users, steps, samples,
 * warmUp (true or false), mode (once or steady), seconds (steady mode).
 */
public final class MinaChild {
  private static final int LINES = 333;
  private static final long BYTES = 26_640;

  private MinaChild() {}

  public static void main(String[] argv) throws Exception {
    CpuSampler sampler = CpuSampler.start();
    ChildArgs args = new ChildArgs(Arrays.asList(argv));
    int users = args.getInt("users");
    KeyPair key = BareMinaClient.loadKey(Path.of(args.get("key")));
    SshClient client = BareMinaClient.start(Path.of(args.get("knownHosts")));
    BareSession.Setup setup =
        new BareSession.Setup(
            client,
            args.get("host"),
            args.getInt("port"),
            args.get("user"),
            key,
            "cat " + args.get("file"),
            LINES,
            BYTES);

    if (Boolean.parseBoolean(args.get("warmUp"))) {
      System.out.println("warmed up with " + BareWarmUp.run() + " sessions");
    }
    boolean steady = args.get("mode").equals("steady");
    Round measured = new Round(setup, users);
    Lockstep lockstep = steady ? Lockstep.NONE : new Lockstep(users);
    if (steady) {
      measured.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.getInt("seconds"));
    }
    for (int i = 0; i < users; i++) {
      new BareSession(setup, measured, lockstep).start();
    }
    // the steady state lasts its seconds, then its last sessions end (as MinaRun waits for them)
    long waitSeconds = steady ? args.getInt("seconds") + 180L : 300L;
    boolean allDone = measured.finished.await(waitSeconds, TimeUnit.SECONDS);
    sampler.stopAndWrite(Path.of(args.get("samples")));
    Files.writeString(
        Path.of(args.get("steps")), StepFile.render(measured.steps, measured.negotiated.get()));
    client.stop();
    System.exit(allDone ? 0 : 3);
  }

  /**
   * Collects the steps and the algorithms the first session negotiated; in the steady mode, starts
   * a new session for each one that ends before the deadline.
   */
  private static final class Round implements BareSession.Sink {
    final Queue<PhaseRecord> steps = new ConcurrentLinkedQueue<>();
    final AtomicReference<Negotiated> negotiated = new AtomicReference<>(Negotiated.UNKNOWN);
    final CountDownLatch finished;
    final BareSession.Setup setup;

    /** System.nanoTime() until which sessions are replaced; none in the once mode. */
    volatile long deadline = Long.MIN_VALUE;

    Round(BareSession.Setup setup, int users) {
      this.setup = setup;
      this.finished = new CountDownLatch(users);
    }

    @Override
    public void record(PhaseRecord step) {
      steps.add(step);
    }

    @Override
    public void negotiated(ClientSession session) {
      if (negotiated.get() == Negotiated.UNKNOWN) {
        negotiated.set(
            new Negotiated(
                session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS),
                session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS),
                session.getNegotiatedKexParameter(KexProposalOption.C2SENC),
                session.getNegotiatedKexParameter(KexProposalOption.C2SMAC)));
      }
    }

    @Override
    public void finished() {
      if (deadline != Long.MIN_VALUE && System.nanoTime() - deadline < 0) {
        new BareSession(setup, this, Lockstep.NONE).start(); // connect is asynchronous
      } else {
        finished.countDown();
      }
    }
  }
}
