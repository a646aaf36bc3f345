package io.github.gatlingssh.testkit.embedded;

/**
 * The states of an {@link EmbeddedSshServer}: new, starting, running, closed, each entered once.
 * The server holds this object's lock while it starts, so that close() waits for a start under way.
 */
final class ServerLifecycle {

  private enum State {
    NEW,
    STARTING,
    RUNNING,
    CLOSED
  }

  // Changed under this object's lock. What the server writes while starting, before the volatile
  // write of RUNNING, is thereby published to the threads that then read the state.
  private volatile State state = State.NEW;

  /**
   * NEW to STARTING.
   *
   * @throws IllegalStateException if already started or closed
   */
  synchronized void starting() {
    if (state != State.NEW) {
      throw new IllegalStateException(state == State.CLOSED ? "closed" : "already started");
    }
    state = State.STARTING;
  }

  /** STARTING to RUNNING: the server's fields are set. */
  synchronized void running() {
    state = State.RUNNING;
  }

  /** Whether the server runs, waiting for a start under way. */
  synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /** Whether start() was not called yet. */
  boolean isNew() {
    return state == State.NEW;
  }

  /**
   * Throws unless the server runs.
   *
   * @throws IllegalStateException saying whether it is closed or not started
   */
  void requireRunning() {
    State current = state;
    if (current != State.RUNNING) {
      throw new IllegalStateException(current == State.CLOSED ? "closed" : "not started");
    }
  }

  /**
   * Enters CLOSED.
   *
   * @return false if it was closed already
   */
  synchronized boolean close() {
    if (state == State.CLOSED) {
      return false;
    }
    state = State.CLOSED;
    return true;
  }
}
