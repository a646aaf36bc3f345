package io.github.gatlingssh.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.client.exec.CommandResult;
import io.github.gatlingssh.client.hostkey.HostKeyPolicy;
import io.github.gatlingssh.testkit.embedded.EmbeddedSshServer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.extension.DefaultClientKexExtensionHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.logging.AbstractLoggingBean;
import org.junit.jupiter.api.Test;

/** What {@link LeanClientSession} drops after a key exchange, and that a re-key still works. */
class LeanClientSessionTest {

  @Test
  void dropsTheKexInitPayloadsAndSharesTheAlgorithmNamesAcrossReKeys() throws Exception {
    AtomicInteger hostKeyChecks = new AtomicInteger();
    HostKeyPolicy counting =
        (host, port, key) -> {
          hostKeyChecks.incrementAndGet();
          return null;
        };
    CompletableFuture<Session> created = new CompletableFuture<>();
    AtomicInteger keysEstablished = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (EmbeddedSshServer server = EmbeddedSshServer.builder().password("secret").build().start();
        SshConnector connector = new SshConnector(ClientSettings.DEFAULT)) {
      connector.addListeners(
          new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
              created.complete(session);
            }

            @Override
            public void sessionEvent(Session session, Event event) {
              if (event == Event.KeyEstablished) {
                keysEstablished.incrementAndGet();
              }
            }
          },
          new ChannelListener() {});
      ConnectRequest request =
          new ConnectRequest(
              server.host(),
              server.port(),
              server.username(),
              server.password().orElseThrow(),
              List.of(),
              counting,
              Duration.ofSeconds(30),
              List.of());
      SshConnection connection = connector.connect(request, timer).get(60, TimeUnit.SECONDS);
      LeanClientSession session = (LeanClientSession) created.get(1, TimeUnit.SECONDS);

      assertThat(loggerName(session)).isEqualTo(ClientSessionImpl.class.getName());
      assertDropped(session);
      assertThat(session.getAttribute(DefaultClientKexExtensionHandler.SERVER_ALGORITHMS)).isNull();

      session.reExchangeKeys().verify(60, TimeUnit.SECONDS);
      // MINA may signal KeyEstablished just after the re-key future completes, on its I/O thread
      awaitAtLeast(keysEstablished, 2);
      assertDropped(session);
      assertThat(keysEstablished.get()).isEqualTo(2);
      assertThat(hostKeyChecks.get()).isEqualTo(2);

      CommandResult result =
          connection
              .exec("echo re-keyed", StandardCharsets.UTF_8, 1000)
              .completion(Duration.ofSeconds(60))
              .get(60, TimeUnit.SECONDS);
      assertThat(result.succeeded()).isTrue();
      assertThat(result.stdout().text()).isEqualTo("re-keyed\n");
      connection.disconnect().get(60, TimeUnit.SECONDS);
    } finally {
      timer.shutdownNow();
    }
  }

  private static void awaitAtLeast(AtomicInteger count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static String loggerName(LeanClientSession session) throws Exception {
    Field log = AbstractLoggingBean.class.getDeclaredField("log");
    log.setAccessible(true);
    return ((org.slf4j.Logger) log.get(session)).getName();
  }

  private static void assertDropped(LeanClientSession session) {
    assertThat(session.getClientKexData()).isNull();
    assertThat(session.getServerKexData()).isNull();
    String kex = session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
    assertThat(kex).isNotNull().isSameAs(kex.intern());
    String proposed = session.getServerKexProposals().get(KexProposalOption.C2SENC);
    assertThat(proposed).isNotNull().isSameAs(proposed.intern());
    proposed = session.getClientKexProposals().get(KexProposalOption.SERVERKEYS);
    assertThat(proposed).isNotNull().isSameAs(proposed.intern());
  }
}
