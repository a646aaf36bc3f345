package io.github.gatlingssh.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.sftp.SftpSettings;
import io.github.gatlingssh.metrics.RunMetrics;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The SSH protocol's settings, one immutable group per concern; built by {@code
 * SshProtocolBuilder}. A new setting goes into its group (and gets a DSL method); secrets live in
 * {@link Auth} only, whose {@code toString()} masks them.
 *
 * @param target host, port, username
 * @param auth password, private key
 * @param hostKeys how host keys are verified
 * @param algorithms key exchange, cipher and MAC preferences
 * @param output how command output is decoded and kept
 * @param client I/O threads, channel window, timeouts, warm-up
 * @param metrics live metrics: Prometheus endpoint, InfluxDB and Graphite pushes, step
 * @param sftp how SFTP transfers are pipelined: request size, requests in flight
 */
public record SshProtocol(
    Target target,
    Auth auth,
    HostKeyVerification hostKeys,
    Algorithms algorithms,
    Output output,
    ClientOptions client,
    Metrics metrics,
    SftpSettings sftp)
    implements Protocol {

  /** Every group's default: no host, no username, no credential yet. */
  public static final SshProtocol DEFAULT =
      new SshProtocol(
          Target.DEFAULT,
          Auth.NONE,
          HostKeyVerification.DEFAULT,
          Algorithms.DEFAULT,
          Output.DEFAULT,
          ClientOptions.DEFAULT,
          Metrics.DEFAULT,
          SftpSettings.DEFAULTS);

  /** A copy with this target. */
  public SshProtocol withTarget(Target value) {
    return new SshProtocol(value, auth, hostKeys, algorithms, output, client, metrics, sftp);
  }

  /** A copy with these credentials. */
  public SshProtocol withAuth(Auth value) {
    return new SshProtocol(target, value, hostKeys, algorithms, output, client, metrics, sftp);
  }

  /** A copy with this host key verification. */
  public SshProtocol withHostKeys(HostKeyVerification value) {
    return new SshProtocol(target, auth, value, algorithms, output, client, metrics, sftp);
  }

  /** A copy with these algorithm preferences. */
  public SshProtocol withAlgorithms(Algorithms value) {
    return new SshProtocol(target, auth, hostKeys, value, output, client, metrics, sftp);
  }

  /** A copy with these output settings. */
  public SshProtocol withOutput(Output value) {
    return new SshProtocol(target, auth, hostKeys, algorithms, value, client, metrics, sftp);
  }

  /** A copy with these client options. */
  public SshProtocol withClient(ClientOptions value) {
    return new SshProtocol(target, auth, hostKeys, algorithms, output, value, metrics, sftp);
  }

  /** A copy with these SFTP pipelining settings. */
  public SshProtocol withSftp(SftpSettings value) {
    return new SshProtocol(target, auth, hostKeys, algorithms, output, client, metrics, value);
  }

  /** A copy with these live metrics settings. */
  public SshProtocol withMetrics(Metrics value) {
    return new SshProtocol(target, auth, hostKeys, algorithms, output, client, value, sftp);
  }

  /**
   * The settings of the MINA client this protocol runs on: the one place where the algorithms and
   * client options become {@link ClientSettings}.
   *
   * @throws IllegalArgumentException when a value is out of range (e.g. negative ioThreads)
   */
  public ClientSettings clientSettings() {
    return new ClientSettings(
        algorithms.kexAlgorithms(),
        algorithms.ciphers(),
        algorithms.macs(),
        client.ioThreads(),
        client.windowSize(),
        client.keepAlive());
  }

  /**
   * Checks that a run can use these settings: host, username and a credential are set, and the
   * files named by plain paths exist.
   *
   * @return this
   * @throws IllegalArgumentException saying what to set
   */
  public SshProtocol validate() {
    target.validate();
    auth.validate();
    hostKeys.validate();
    return this;
  }

  /** The exception for a bad setting: its message starts with "SSH protocol: ". */
  public static IllegalArgumentException invalid(String what) {
    return new IllegalArgumentException("SSH protocol: " + what);
  }

  /**
   * Finds SSH components for actions; one {@link SshEngine} per run serves every SSH protocol. The
   * JIT warm-up runs here, as Gatling HTTP's engine warm-up does: when the run creates a protocol's
   * components, before its first user starts.
   */
  public static final ProtocolKey<SshProtocol, SshComponents> KEY =
      new ProtocolKey<>() {
        @Override
        @SuppressWarnings("unchecked")
        public Class<Protocol> protocolClass() {
          return (Class<Protocol>) (Class<?>) SshProtocol.class;
        }

        @Override
        public SshProtocol defaultProtocolValue(GatlingConfiguration configuration) {
          throw new IllegalStateException(
              "No SSH protocol configured: pass one to setUp(..).protocols(ssh.host(\"...\").username(\"...\")...)");
        }

        @Override
        public Function1<SshProtocol, SshComponents> newComponents(CoreComponents core) {
          SshEngine engine = new SshEngine();
          RunMetrics metrics = new RunMetrics(core.eventLoopGroup());
          // Hooks run last-registered first: the metrics close after the connections, with the
          // final
          // sample, the last pushes and the injector page.
          core.actorSystem()
              .registerOnTermination(
                  () -> {
                    metrics.close();
                    return BoxedUnit.UNIT;
                  });
          // Runs in ActorSystem.close(), also when maxDuration cuts the run short: closes every
          // connection and stops MINA's threads before Gatling's event loops shut down.
          core.actorSystem()
              .registerOnTermination(
                  () -> {
                    engine.close();
                    return BoxedUnit.UNIT;
                  });
          return protocol -> {
            SshComponents components = new SshComponents(protocol, engine, metrics);
            // Gatling builds its scenarios, and so their components, on the thread that starts the
            // run,
            // after the simulation is built and before the injector starts: blocking it here keeps
            // the
            // warm-up out of the run's measured users and off Gatling's and MINA's threads.
            if (protocol.client().warmUp()) {
              JvmWarmUp.once(protocol.clientSettings(), metrics.settings());
            }
            return components;
          };
        }
      };
}
