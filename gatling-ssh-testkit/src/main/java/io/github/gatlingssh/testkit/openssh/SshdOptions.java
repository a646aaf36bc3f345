package io.github.gatlingssh.testkit.openssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings for {@link PrivateSshd}. Start from {@link #defaults()} or {@link #builder()},
 * whose setters say what each means and its default.
 *
 * <pre>{@code
 * SshdOptions options = SshdOptions.builder()
 *     .maxStartups("1:100:1")
 *     .extraConfig("ClientAliveInterval 1", "ClientAliveCountMax 1")
 *     .build();
 * }</pre>
 *
 * @param maxStartups sshd's {@code MaxStartups} ({@code start:rate:full}); default {@code
 *     1000:30:1000}
 * @param maxSessions sshd's {@code MaxSessions} (channels per connection); default 10
 * @param passwordAuthentication whether sshd offers password authentication; default false
 * @param extraConfig raw sshd_config lines added to the generated ones; see {@link
 *     Builder#extraConfig}
 * @param baseDir where the server's temporary directory is created; empty means {@code
 *     java.io.tmpdir}
 * @param startTimeout how long {@link PrivateSshd#start} waits for the SSH banner; default 20 s
 * @param freshHostKeys whether the server gets host keys of its own instead of the per-JVM shared
 *     ones
 * @param sftpSubsystem whether sshd serves SFTP ({@code Subsystem sftp internal-sftp}); default
 *     true
 */
public record SshdOptions(
    String maxStartups,
    int maxSessions,
    boolean passwordAuthentication,
    List<String> extraConfig,
    Optional<Path> baseDir,
    Duration startTimeout,
    boolean freshHostKeys,
    boolean sftpSubsystem) {

  /** Copies the extra lines: the options stay immutable. */
  public SshdOptions {
    extraConfig = List.copyOf(extraConfig);
  }

  /** The defaults: generous limits for load tests, public key authentication only. */
  public static SshdOptions defaults() {
    return builder().build();
  }

  /** A builder initialised with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxStartups = maxStartups;
    b.maxSessions = maxSessions;
    b.passwordAuthentication = passwordAuthentication;
    b.extraConfig.addAll(extraConfig);
    b.baseDir = baseDir.orElse(null);
    b.startTimeout = startTimeout;
    b.freshHostKeys = freshHostKeys;
    b.sftpSubsystem = sftpSubsystem;
    return b;
  }

  /** Mutable builder for {@link SshdOptions}. */
  public static final class Builder {
    private String maxStartups = "1000:30:1000";
    private int maxSessions = 10;
    private boolean passwordAuthentication;
    private final List<String> extraConfig = new ArrayList<>();
    private Path baseDir;
    private Duration startTimeout = Duration.ofSeconds(20);
    private boolean freshHostKeys;
    private boolean sftpSubsystem = true;

    private Builder() {}

    /** Sets {@code MaxStartups}, e.g. {@code "10"} or {@code "10:30:100"}. */
    public Builder maxStartups(String value) {
      this.maxStartups = singleToken(value, "maxStartups");
      return this;
    }

    /** Sets {@code MaxSessions}; 0 disables sessions (but keeps e.g. port forwarding). */
    public Builder maxSessions(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxSessions must be >= 0: " + value);
      }
      this.maxSessions = value;
      return this;
    }

    /**
     * Turns on {@code PasswordAuthentication}. As root the login user also gets a random password
     * ({@link PrivateSshd#password()}); otherwise sshd offers the method but no password can
     * succeed (it cannot read /etc/shadow), which still suits "wrong password" tests.
     */
    public Builder passwordAuthentication(boolean value) {
      this.passwordAuthentication = value;
      return this;
    }

    /**
     * Appends raw sshd_config lines. sshd keeps the first value it reads for most keywords, so
     * these lines are written <em>before</em> the generated ones and override them; lines from the
     * first {@code Match} on are written at the end, where Match blocks must be.
     */
    public Builder extraConfig(String... lines) {
      for (String line : lines) {
        Objects.requireNonNull(line, "line");
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("one line per argument: " + line);
        }
        extraConfig.add(line);
      }
      return this;
    }

    /** Creates the server directory under {@code dir} (which the login user must reach). */
    public Builder baseDir(Path dir) {
      this.baseDir = dir == null ? null : dir.toAbsolutePath();
      return this;
    }

    /** Sets how long {@link PrivateSshd#start} waits for the server to answer. */
    public Builder startTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive: " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /**
     * Gives the server newly generated host keys (about 0.5 s more for RSA). By default all servers
     * of one JVM share host keys, so they would trust each other's known_hosts files.
     */
    public Builder freshHostKeys(boolean value) {
      this.freshHostKeys = value;
      return this;
    }

    /**
     * Without SFTP (false), sshd_config has no {@code Subsystem sftp} line, so sshd refuses the
     * subsystem, as servers that only allow shells or commands do. (A second Subsystem line in
     * {@link #extraConfig} cannot remove it: sshd rejects a subsystem defined twice.)
     */
    public Builder sftpSubsystem(boolean value) {
      this.sftpSubsystem = value;
      return this;
    }

    /** Builds the immutable options. */
    public SshdOptions build() {
      return new SshdOptions(
          maxStartups,
          maxSessions,
          passwordAuthentication,
          extraConfig,
          Optional.ofNullable(baseDir),
          startTimeout,
          freshHostKeys,
          sftpSubsystem);
    }

    private static String singleToken(String value, String name) {
      if (value == null || value.isBlank() || value.strip().matches(".*\\s.*")) {
        throw new IllegalArgumentException(name + " must be a single word: " + value);
      }
      return value.strip();
    }
  }
}
