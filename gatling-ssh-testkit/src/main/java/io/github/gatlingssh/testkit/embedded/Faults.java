package io.github.gatlingssh.testkit.embedded;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.sshd.server.SshServer;

/**
 * Misbehaviour an {@link EmbeddedSshServer} injects into every connection, to test how a client
 * copes with servers that hang, stall or drop it at a chosen phase of the handshake: faults a real
 * OpenSSH server cannot be made to produce on demand. Immutable.
 *
 * <pre>{@code
 * EmbeddedSshServer server = EmbeddedSshServer.builder()
 *     // accepts TCP, never says a word
 *     .customize(Faults.builder().stall(Faults.Phase.BANNER).build().injector())
 *     .build().start();
 * }</pre>
 *
 * <p>At most one fault per {@link Phase}; each applies once per connection, at the first time the
 * connection reaches that phase. What a fault does:
 *
 * <table>
 * <caption>Faults by phase</caption>
 * <tr><th></th><th>{@link Kind#CLOSE}</th><th>{@link Kind#DISCONNECT}</th><th>{@link Kind#STALL}</th>
 * <th>{@link Kind#DELAY}</th></tr>
 * <tr><td>{@link Phase#BANNER}</td><td>closes the TCP connection at once, like OpenSSH past its
 * MaxStartups</td><td>(not possible before the banner)</td><td>keeps the connection open, sends
 * nothing, ignores what the client sends</td><td>starts the SSH session (banner, KEXINIT) that much
 * later</td></tr>
 * <tr><td>{@link Phase#KEX}</td><td rowspan="2">closes the TCP connection without
 * SSH_MSG_DISCONNECT</td><td rowspan="2">sends SSH_MSG_DISCONNECT (reason
 * BY_APPLICATION, message {@value #DISCONNECT_MESSAGE}), then closes</td><td>never answers the
 * client's key exchange</td><td>handles whatever the client sends after its KEXINIT that much
 * later</td></tr>
 * <tr><td>{@link Phase#AUTH}</td><td>never answers the request, nor anything after it</td><td>answers
 * the request, and handles whatever follows, that much later</td></tr>
 * </table>
 */
public final class Faults {

  /** The message of the SSH_MSG_DISCONNECT sent by {@link Kind#DISCONNECT}. */
  public static final String DISCONNECT_MESSAGE = "fault injected by the embedded SSH server";

  /** Where in a connection's handshake a fault strikes. */
  public enum Phase {
    /** The TCP connection was just accepted; the server's identification line would come next. */
    BANNER,
    /**
     * The server has just handled the client's SSH_MSG_KEXINIT (and sent its own): key exchange.
     * The fault applies to whatever the client sends after its KEXINIT, even in the same segment.
     */
    KEX,
    /** The client's first SSH_MSG_USERAUTH_REQUEST arrived: authentication. */
    AUTH
  }

  /** What a fault does; see the table in {@link Faults}. */
  public enum Kind {
    /**
     * Hangs up without any SSH message, as a server process that exits: the client's end of the
     * stream comes at once (TCP FIN; the server keeps reading, so it is not a reset).
     */
    CLOSE,
    /** Says goodbye properly (SSH_MSG_DISCONNECT), then drops the connection. */
    DISCONNECT,
    /** Goes silent: the connection stays open, nothing is answered any more. */
    STALL,
    /** Answers late, then behaves normally. */
    DELAY
  }

  /**
   * One fault.
   *
   * @param kind what happens
   * @param delay how late the server goes on, for {@link Kind#DELAY}; zero otherwise
   */
  public record Fault(Kind kind, Duration delay) {
    /** Validates the delay. */
    public Fault {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(delay, "delay");
      if (kind == Kind.DELAY ? delay.isNegative() || delay.isZero() : !delay.isZero()) {
        throw new IllegalArgumentException(
            kind == Kind.DELAY ? "a delay must be positive: " + delay : kind + " takes no delay");
      }
    }
  }

  private static final Faults NONE = new Faults(new EnumMap<>(Phase.class));

  private final Map<Phase, Fault> faults;

  private Faults(Map<Phase, Fault> faults) {
    this.faults = faults.isEmpty() ? Map.of() : new EnumMap<>(faults);
  }

  /**
   * @return no faults: a well-behaved server (the default)
   */
  public static Faults none() {
    return NONE;
  }

  /**
   * @return a builder without faults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the fault at {@code phase}, if any
   */
  public Optional<Fault> at(Phase phase) {
    return Optional.ofNullable(faults.get(phase));
  }

  /**
   * @return whether there is no fault at all
   */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * The fault hook: a customiser for {@link EmbeddedSshServerBuilder#customize} that makes every
   * connection of the server misbehave as these faults say. Does nothing if {@link #isEmpty()}.
   *
   * @return the customiser of the server's MINA {@code SshServer}
   */
  public Consumer<SshServer> injector() {
    return FaultInjector.customizer(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Faults other && faults.equals(other.faults);
  }

  @Override
  public int hashCode() {
    return faults.hashCode();
  }

  @Override
  public String toString() {
    return "Faults" + faults;
  }

  /** Builds {@link Faults}; a later fault at the same phase replaces the earlier one. */
  public static final class Builder {
    private final Map<Phase, Fault> faults = new EnumMap<>(Phase.class);

    private Builder() {}

    /**
     * Drops the connection at {@code phase}, without SSH_MSG_DISCONNECT.
     *
     * @return this builder
     */
    public Builder close(Phase phase) {
      return put(phase, new Fault(Kind.CLOSE, Duration.ZERO));
    }

    /**
     * Sends SSH_MSG_DISCONNECT at {@code phase}, then drops the connection.
     *
     * @param phase {@link Phase#KEX} or {@link Phase#AUTH}
     * @return this builder
     * @throws IllegalArgumentException for {@link Phase#BANNER}: SSH messages need the banner first
     */
    public Builder disconnect(Phase phase) {
      if (phase == Phase.BANNER) {
        throw new IllegalArgumentException(
            "no SSH message can precede the banner: use close(BANNER) or stall(BANNER)");
      }
      return put(phase, new Fault(Kind.DISCONNECT, Duration.ZERO));
    }

    /**
     * Stops answering at {@code phase}, keeping the connection open.
     *
     * @return this builder
     */
    public Builder stall(Phase phase) {
      return put(phase, new Fault(Kind.STALL, Duration.ZERO));
    }

    /**
     * Goes on {@code delay} late at {@code phase}.
     *
     * @param delay positive
     * @return this builder
     */
    public Builder delay(Phase phase, Duration delay) {
      return put(phase, new Fault(Kind.DELAY, delay));
    }

    private Builder put(Phase phase, Fault fault) {
      faults.put(Objects.requireNonNull(phase, "phase"), fault);
      return this;
    }

    /**
     * @return the faults configured so far
     */
    public Faults build() {
      return faults.isEmpty() ? NONE : new Faults(faults);
    }
  }
}
