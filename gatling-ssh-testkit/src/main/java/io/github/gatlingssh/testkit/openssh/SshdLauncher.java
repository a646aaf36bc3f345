package io.github.gatlingssh.testkit.openssh;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Starts a {@link PrivateSshd}: finds OpenSSH, fills a fresh directory with keys, config and data
 * directory, runs sshd until it answers, and cleans up if any of that fails. Servers still running
 * when the JVM exits are closed by a shutdown hook.
 */
final class SshdLauncher {

  private static final ExitCleanup RUNNING = new ExitCleanup("private-sshd-cleanup");

  private SshdLauncher() {}

  /** See {@link PrivateSshd#start(SshdOptions)}; candidate ports come from {@code ports}. */
  static PrivateSshd start(SshdOptions options, IntSupplier ports) {
    Path sshd = OpenSsh.require(OpenSsh.sshd(), "sshd");
    OpenSsh.require(OpenSsh.sshKeygen(), "ssh-keygen");
    LoginUser user = LoginUser.get();
    String otherLoginUser = user.isRoot() ? user.name() : null;
    Path base = options.baseDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    Path dir = ServerDirectory.create(base, otherLoginUser);
    AutoCloseable starting = () -> ServerDirectory.delete(dir); // at JVM exit during the start
    PrivateSshd server = null;
    try {
      SshdKeys keys = new SshdKeys(dir, options.freshHostKeys());
      SshdDirectory directory = new SshdDirectory(dir, otherLoginUser);
      if (options.passwordAuthentication() && user.isRoot()) {
        user.password(); // sets it now, before the first login attempt
      }
      RUNNING.add(starting);
      SshdProcess process =
          SshdProcess.start(
              sshd,
              directory.files(),
              port -> config(options, port, keys, directory, user),
              ports,
              options.startTimeout(),
              user.isRoot());
      server = new PrivateSshd(options, user, directory, keys, process);
      RUNNING.add(server);
      keys.writeKnownHosts(PrivateSshd.HOST, server.port());
      return server;
    } catch (RuntimeException | Error e) {
      if (server != null) {
        server.close();
      } else {
        ServerDirectory.delete(dir);
      }
      throw e;
    } finally {
      RUNNING.remove(starting);
    }
  }

  /** {@code server} was closed: the shutdown hook need not close it. */
  static void closed(PrivateSshd server) {
    RUNNING.remove(server);
  }

  private static List<String> config(
      SshdOptions options, int port, SshdKeys keys, SshdDirectory directory, LoginUser user) {
    return SshdConfig.render(
        new SshdConfig.Inputs(
            options,
            port,
            keys.hostKeys(),
            directory.pidFile(),
            keys.authorizedKeys(),
            user.name()));
  }
}
