package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.gatling.GatlingRunner;
import io.github.gatlingssh.testkit.gatling.ScriptedSimulation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Passwords, passphrases and private keys never reach the logs (the plugin's and MINA's loggers at
 * DEBUG), simulation.log or the HTML report, whether authentication succeeds or fails.
 */
class SecretsTest {
  private static final String PASSWORD = "pw-Zq81-right-secret";
  private static final String WRONG_PASSWORD = "pw-Xk22-wrong-secret";
  private static final String PASSPHRASE = "pp-Lm55-right-secret";
  private static final String WRONG_PASSPHRASE = "pp-Rt77-wrong-secret";

  @TempDir Path tmp;

  @Test
  void noSecretIsWrittenAnywhere() throws Exception {
    KeyPair userKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path keyFile = writeEncrypted(userKey, PASSPHRASE);
    String keyBody = Files.readAllLines(keyFile).get(2); // a line of the encrypted key material
    List<Map<String, Object>> credentials =
        List.of(
            Map.of(
                "pwd",
                PASSWORD,
                "badPwd",
                WRONG_PASSWORD,
                "key",
                keyFile.toString(),
                "pp",
                PASSPHRASE,
                "badPp",
                WRONG_PASSPHRASE));

    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    GatlingResult r;
    try (EmbeddedSshServer server =
            EmbeddedSshServer.builder()
                .password(PASSWORD)
                .authorizedKey(userKey.getPublic())
                .build()
                .start();
        LogCapture capture = LogCapture.start(logs)) {
      var base =
          ssh.host(server.host())
              .port(server.port())
              .username(server.username())
              .hostKeyFingerprint(server.hostKeyFingerprint());
      r =
          ScriptedSimulation.run(
              sim ->
                  sim.setUp(
                      scenario("password")
                          .feed(listFeeder(credentials).circular())
                          .exec(ssh("password ok").connect())
                          .exec(ssh("echo").exec("echo ok"))
                          .injectOpen(atOnceUsers(3))
                          .protocols(base.password("#{pwd}")),
                      scenario("wrong password")
                          .feed(listFeeder(credentials).circular())
                          .exec(ssh("password wrong").connect())
                          .injectOpen(atOnceUsers(3))
                          .protocols(base.password("#{badPwd}")),
                      scenario("key")
                          .feed(listFeeder(credentials).circular())
                          .exec(ssh("key ok").connect())
                          .injectOpen(atOnceUsers(10))
                          .protocols(base.privateKey("#{key}", "#{pp}")),
                      scenario("wrong passphrase")
                          .feed(listFeeder(credentials).circular())
                          .exec(ssh("passphrase wrong").connect())
                          .injectOpen(atOnceUsers(3))
                          .protocols(base.privateKey("#{key}", "#{badPp}")),
                      scenario("any host key")
                          .exec(ssh("any").connect())
                          .injectOpen(atOnceUsers(10))
                          .protocols(base.password(PASSWORD).acceptAnyHostKey())),
              GatlingRunner.Options.defaults().withReports(true));
    }

    assertThat(r.ok("password ok")).as(r.summary()).isEqualTo(3);
    assertThat(r.ko("password wrong")).isEqualTo(3);
    assertThat(r.ok("key ok")).isEqualTo(10);
    assertThat(r.ko("passphrase wrong")).isEqualTo(3);
    assertThat(r.ok("any")).isEqualTo(10);

    String log = logs.toString(StandardCharsets.UTF_8);
    List<String> written = new ArrayList<>(List.of(log));
    try (Stream<Path> files = Files.walk(r.runDir())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        written.add(
            new String(bytes, StandardCharsets.ISO_8859_1)); // simulation.log's Latin-1 strings
        written.add(new String(bytes, StandardCharsets.UTF_16LE)); // and its UTF-16 ones
      }
    }
    // the search finds what is written: the request names, in simulation.log and the report
    assertThat(written).anyMatch(text -> text.contains("passphrase wrong"));
    for (String secret : List.of(PASSWORD, WRONG_PASSWORD, PASSPHRASE, WRONG_PASSPHRASE, keyBody)) {
      assertThat(written).noneMatch(text -> text.contains(secret));
    }

    // what was logged, it was logged once per run: the key decrypted once for 10 users, one warning
    assertThat(log).contains("Loaded private key " + keyFile);
    assertThat(log.split("Loaded private key " + keyFile, -1)).hasSize(2);
    assertThat(log.split("host key verification is disabled", -1)).hasSize(2);
  }

  private Path writeEncrypted(KeyPair key, String passphrase) throws Exception {
    OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
    encryption.setPassword(passphrase);
    encryption.setCipherType("256");
    Path file = tmp.resolve("id_protected");
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "secrets-test", encryption, out);
    }
    return file;
  }

  /**
   * Every event of the plugin's and MINA's loggers at DEBUG, and of the others at INFO, into a
   * buffer.
   */
  private static final class LogCapture implements AutoCloseable {
    private final OutputStreamAppender<ILoggingEvent> appender;
    private final LoggerContext context;

    private LogCapture(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
      this.context = context;
      this.appender = appender;
    }

    static LogCapture start(OutputStream out) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern("%level %logger %msg%n%ex{full}");
      encoder.start();
      OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
      appender.setContext(context);
      appender.setEncoder(encoder);
      appender.setOutputStream(out);
      appender.start();
      ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.detachAndStopAllAppenders(); // not the console: GatlingRunner restores the configuration
      // after the run
      root.addAppender(appender);
      root.setLevel(Level.INFO);
      context.getLogger("io.github.gatlingssh").setLevel(Level.DEBUG);
      context.getLogger("org.apache.sshd").setLevel(Level.DEBUG);
      return new LogCapture(context, appender);
    }

    @Override
    public void close() {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
      appender.stop();
    }
  }
}
