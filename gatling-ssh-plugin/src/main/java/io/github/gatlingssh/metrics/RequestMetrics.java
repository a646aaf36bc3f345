package io.github.gatlingssh.metrics;

/**
 * What actions and the client tell the run's metrics: each request's outcome and time, and the
 * bytes they move. Called on Gatling's and MINA's threads, so implementations are lock-free and do
 * not allocate per call.
 */
public interface RequestMetrics {

  /** Records nothing: for components that belong to no run. */
  RequestMetrics NOOP =
      new RequestMetrics() {
        @Override
        public void record(String request, boolean ok, long startMillis, long endMillis) {}

        @Override
        public void sent(long bytes) {}

        @Override
        public void received(long bytes) {}
      };

  /**
   * One request ended (exactly once, as in Gatling's log).
   *
   * @param request the request's resolved name, as in Gatling's report
   * @param ok whether it ended OK
   * @param startMillis its start, Gatling's clock
   * @param endMillis its end, Gatling's clock
   */
  void record(String request, boolean ok, long startMillis, long endMillis);

  /** Payload bytes sent to the server (stdin, SFTP writes). */
  void sent(long bytes);

  /** Payload bytes received from the server (stdout, stderr, SFTP reads). */
  void received(long bytes);
}
