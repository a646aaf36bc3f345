package io.github.gatlingssh.benchmark.bare;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;

/**
 * A non-blocking barrier for N sessions, like SeedSimulation's rendez-vous with N users at once:
 * every session ends a phase before any starts the next. A session arrives with its next step,
 * which runs once the last session arrived (on the thread that brings it or the last one); a failed
 * session leaves, so the others do not wait for it.
 */
public class Lockstep {
  /** No barrier: the next step runs at once (the warm-up's and the steady state's sessions). */
  public static final Lockstep NONE =
      new Lockstep(0) {
        @Override
        void arrive(Runnable next) {
          next.run();
        }

        @Override
        void leave() {}
      };

  private final Map<Integer, Queue<Runnable>> waiting = new ConcurrentHashMap<>();
  private final Map<Integer, Queue<Runnable>> released = new ConcurrentHashMap<>();
  private final Phaser phaser;

  public Lockstep(int sessions) {
    phaser =
        new Phaser(sessions) {
          @Override
          protected boolean onAdvance(int phase, int registeredParties) {
            // runs inside the last arrive(), before the phase advances: hand over, run after it
            Queue<Runnable> steps = waiting.remove(phase);
            if (steps != null) {
              released.put(phase, steps);
            }
            return false;
          }
        };
  }

  /** Runs {@code next} once every session still in the run has arrived here. */
  void arrive(Runnable next) {
    int phase = phaser.getPhase(); // stable: it cannot advance before this session arrives
    waiting.computeIfAbsent(phase, p -> new ConcurrentLinkedQueue<>()).add(next);
    release(phaser.arrive());
  }

  /** A failed session: arrives for the current phase and is not waited for any more. */
  void leave() {
    release(phaser.arriveAndDeregister());
  }

  private void release(int phase) {
    Queue<Runnable> steps = released.remove(phase);
    if (steps != null) {
      steps.forEach(Runnable::run);
    }
  }
}
