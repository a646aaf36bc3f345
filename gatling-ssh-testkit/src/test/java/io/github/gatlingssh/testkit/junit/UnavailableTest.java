package io.github.gatlingssh.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.testkit.TestServer;
import org.junit.jupiter.api.Test;

class UnavailableTest {

  private final Unavailable missing =
      new Unavailable(ServerKind.DROPBEAR, "Dropbear not found: apt-get install -y dropbear-bin");
  private final TestServer server = missing.server();

  @Test
  void namesItsKindAndClosesQuietly() {
    assertThat(server.kind()).isEqualTo(ServerKind.DROPBEAR.displayName());
    assertThat(server)
        .hasToString(ServerKind.DROPBEAR.displayName() + " (" + missing.reason() + ")");
    server.kill();
    server.close();
  }

  @Test
  void everyOtherMethodThrowsTheReason() {
    assertThatThrownBy(server::host).hasMessage(missing.reason());
    assertThatThrownBy(server::port).hasMessage(missing.reason());
    assertThatThrownBy(() -> server.createDataFile("f", new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(missing.reason());
  }

  @Test
  void tellsItsStandInsApart() {
    assertThat(Unavailable.of(server)).contains(missing);
    assertThat(Unavailable.of("openssh")).isEmpty();
    assertThat(Unavailable.of(null)).isEmpty();
  }
}
