package io.github.gatlingssh.testkit.openssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings for {@link PrivateSshd}. Start from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>{@code
 * SshdOptions options = SshdOptions.builder()
 *     .maxStartups("1:100:1")
 *     .extraConfig("ClientAliveInterval 1", "ClientAliveCountMax 1")
 *     .build();
 * }</pre>
 */
public final class SshdOptions {

  private final String maxStartups;
  private final int maxSessions;
  private final boolean passwordAuthentication;
  private final List<String> extraConfig;
  private final Path baseDir;
  private final Duration startTimeout;
  private final boolean freshHostKeys;
  private final boolean sftpSubsystem;

  private SshdOptions(Builder b) {
    this.maxStartups = b.maxStartups;
    this.maxSessions = b.maxSessions;
    this.passwordAuthentication = b.passwordAuthentication;
    this.extraConfig = List.copyOf(b.extraConfig);
    this.baseDir = b.baseDir;
    this.startTimeout = b.startTimeout;
    this.freshHostKeys = b.freshHostKeys;
    this.sftpSubsystem = b.sftpSubsystem;
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
    b.baseDir = baseDir;
    b.startTimeout = startTimeout;
    b.freshHostKeys = freshHostKeys;
    b.sftpSubsystem = sftpSubsystem;
    return b;
  }

  /** sshd's {@code MaxStartups} ({@code start:rate:full}); default {@code 1000:30:1000}. */
  public String maxStartups() {
    return maxStartups;
  }

  /** sshd's {@code MaxSessions} (channels per connection); default 10. */
  public int maxSessions() {
    return maxSessions;
  }

  /** Whether sshd offers password authentication; default false. */
  public boolean passwordAuthentication() {
    return passwordAuthentication;
  }

  /** Raw sshd_config lines added to the generated ones; see {@link Builder#extraConfig}. */
  public List<String> extraConfig() {
    return extraConfig;
  }

  /** Where the server's temporary directory is created; empty means {@code java.io.tmpdir}. */
  public Optional<Path> baseDir() {
    return Optional.ofNullable(baseDir);
  }

  /** How long {@link PrivateSshd#start} waits for the SSH banner; default 20 s. */
  public Duration startTimeout() {
    return startTimeout;
  }

  /** Whether the server gets host keys of its own instead of the per-JVM shared ones. */
  public boolean freshHostKeys() {
    return freshHostKeys;
  }

  /** Whether sshd serves SFTP ({@code Subsystem sftp internal-sftp}); default true. */
  public boolean sftpSubsystem() {
    return sftpSubsystem;
  }

  @Override
  public String toString() {
    return "SshdOptions[maxStartups="
        + maxStartups
        + ", maxSessions="
        + maxSessions
        + ", passwordAuthentication="
        + passwordAuthentication
        + ", extraConfig="
        + extraConfig
        + ", baseDir="
        + baseDir
        + ", startTimeout="
        + startTimeout
        + ", freshHostKeys="
        + freshHostKeys
        + ", sftpSubsystem="
        + sftpSubsystem
        + "]";
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
      return new SshdOptions(this);
    }

    private static String singleToken(String value, String name) {
      if (value == null || value.isBlank() || value.strip().matches(".*\\s.*")) {
        throw new IllegalArgumentException(name + " must be a single word: " + value);
      }
      return value.strip();
    }
  }
}
