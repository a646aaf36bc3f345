package io.github.gatlingssh.benchmark.bare;

import io.github.gatlingssh.benchmark.cpu.BenchClock;
import io.github.gatlingssh.benchmark.result.PhaseRecord;
import io.github.gatlingssh.benchmark.result.Phases;
import java.io.IOException;
import java.security.KeyPair;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;

/**
 * One session of the seed workload on bare MINA, as a chain of future listeners: connect and
 * authenticate, start the command, await its exit, start it again, await (read) it, disconnect.
 * Each step is recorded under the name gatling-ssh's SeedSimulation gives it, and like
 * SeedSimulation with N users at once the sessions run the phases in lockstep: a barrier after
 * "auth and execute" (connect + start), "close and exit status", "execute" and "channel read".
 */
public final class BareSession {

  /** What all sessions share. */
  public record Setup(
      SshClient client,
      String host,
      int port,
      String user,
      KeyPair key,
      String command,
      int expectedLines,
      long expectedBytes) {}

  /** Where the steps and the end of the session go. */
  public interface Sink {
    void record(PhaseRecord step);

    void negotiated(ClientSession session);

    void finished();
  }

  private static final int BARRIERS = 4;

  private final Setup setup;
  private final Sink sink;
  private final Lockstep lockstep;
  private ClientSession session;
  private volatile int barriersLeft = BARRIERS;

  public BareSession(Setup setup, Sink sink, Lockstep lockstep) {
    this.setup = setup;
    this.sink = sink;
    this.lockstep = lockstep;
  }

  public void start() {
    double t = BenchClock.nowMillis();
    try {
      ConnectFuture connecting = setup.client().connect(setup.user(), setup.host(), setup.port());
      connecting.addListener(
          f -> {
            if (!f.isConnected()) {
              fail(Phases.CONNECT, t, f.getException());
              return;
            }
            session = f.getClientSession();
            session.addPublicKeyIdentity(setup.key());
            try {
              session
                  .auth()
                  .addListener(
                      auth -> {
                        if (!auth.isSuccess()) {
                          fail(Phases.CONNECT, t, auth.getException());
                          return;
                        }
                        ok(Phases.CONNECT, t);
                        sink.negotiated(session);
                        exec(Phases.START, first -> barrier(() -> closeAndExit(first)));
                      });
            } catch (IOException | RuntimeException e) {
              fail(Phases.CONNECT, t, e);
            }
          });
    } catch (IOException | RuntimeException e) {
      fail(Phases.CONNECT, t, e);
    }
  }

  private void closeAndExit(BareExec first) {
    await(Phases.CLOSE_AND_EXIT, first, () -> barrier(this::execute));
  }

  private void execute() {
    exec(Phases.EXECUTE, second -> barrier(() -> channelRead(second)));
  }

  private void channelRead(BareExec second) {
    await(Phases.CHANNEL_READ, second, () -> barrier(this::disconnect));
  }

  private void barrier(Runnable next) {
    barriersLeft--;
    lockstep.arrive(next);
  }

  private void exec(String step, Consumer<BareExec> next) {
    double t = BenchClock.nowMillis();
    BareExec command = BareExec.start(session, setup.command());
    command.accepted.whenComplete(
        (ignored, error) -> {
          if (error != null) {
            fail(step, t, error);
          } else {
            ok(step, t);
            next.accept(command);
          }
        });
  }

  private void await(String step, BareExec command, Runnable next) {
    double t = BenchClock.nowMillis();
    command.done.whenComplete(
        (status, error) -> {
          if (error != null) {
            fail(step, t, error);
          } else if (status != 0
              || command.stdout.lines() != setup.expectedLines()
              || command.stdout.bytes() != setup.expectedBytes()) {
            fail(
                step,
                t,
                new IOException(
                    "exit status "
                        + status
                        + ", "
                        + command.stdout.lines()
                        + " lines, "
                        + command.stdout.bytes()
                        + " bytes"));
          } else {
            ok(step, t);
            next.run();
          }
        });
  }

  private void disconnect() {
    double t = BenchClock.nowMillis();
    BareMinaClient.disconnect(
        session,
        () -> {
          ok(Phases.DISCONNECT, t);
          sink.finished();
        });
  }

  private void ok(String step, double start) {
    sink.record(PhaseRecord.ok(step, start, BenchClock.nowMillis()));
  }

  private void fail(String step, double start, Throwable error) {
    sink.record(PhaseRecord.failed(step, start, BenchClock.nowMillis(), String.valueOf(error)));
    if (session != null) {
      session.close(true);
    }
    if (barriersLeft > 0) {
      lockstep.leave();
    }
    sink.finished();
  }
}
