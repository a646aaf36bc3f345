package io.github.gatlingssh.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import io.github.gatlingssh.client.ClientSettings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The SSH protocol's settings: immutable; built by {@code SshProtocolBuilder}.
 *
 * @param password null when not set; never printed
 * @param privateKey null when not set
 * @param maxOutputLength characters of stdout (and of stderr) kept per command for checks
 */
public record SshProtocol(
    Param<String> host,
    Param<Integer> port,
    Param<String> username,
    Param<String> password,
    PrivateKey privateKey,
    HostKeyVerification hostKeys,
    Duration connectTimeout,
    Duration requestTimeout,
    Charset charset,
    int maxOutputLength,
    ClientSettings client,
    boolean warmUp) implements Protocol {

  public static final int DEFAULT_PORT = 22;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_OUTPUT_LENGTH = 1 << 20;

  /** A private key file and its optional passphrase (either may be EL). */
  public record PrivateKey(Param<String> path, Param<String> passphrase) {
    @Override
    public String toString() {
      return "PrivateKey[" + path + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
  }

  public static final SshProtocol DEFAULT = new SshProtocol(null, Param.of(DEFAULT_PORT), null, null, null,
      HostKeyVerification.DEFAULT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, StandardCharsets.UTF_8,
      DEFAULT_MAX_OUTPUT_LENGTH, ClientSettings.DEFAULT, true);

  /** Warms the JVM up once (see {@link JvmWarmUp}) unless disabled; called when the simulation is built. */
  public void warmUpJvm() {
    if (warmUp) {
      JvmWarmUp.once(client);
    }
  }

  @Override
  public String toString() {
    return "SshProtocol[host=" + host + ", port=" + port + ", username=" + username
        + ", password=" + (password == null ? "none" : "***") + ", privateKey=" + privateKey
        + ", hostKeys=" + hostKeys.mode() + ", connectTimeout=" + connectTimeout + ", requestTimeout="
        + requestTimeout + "]";
  }

  /** Finds SSH components for actions; one {@link SshEngine} per run serves every SSH protocol. */
  public static final ProtocolKey<SshProtocol, SshComponents> KEY = new ProtocolKey<>() {
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
      // Runs in ActorSystem.close(), also when maxDuration cuts the run short: closes every
      // connection and stops MINA's threads before Gatling's event loops shut down.
      core.actorSystem().registerOnTermination(() -> {
        engine.close();
        return BoxedUnit.UNIT;
      });
      return protocol -> new SshComponents(protocol, engine);
    }
  };
}
