package io.github.gatlingssh.javaapi;

import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyStream;
import static io.gatling.javaapi.core.CoreDsl.sha1;
import static io.github.gatlingssh.javaapi.SshDsl.fileNames;
import static io.github.gatlingssh.javaapi.SshDsl.fileSize;
import static io.github.gatlingssh.javaapi.SshDsl.scp;
import static io.github.gatlingssh.javaapi.SshDsl.transferredBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in SCP requests fail when the simulation is built, saying what to do; names and paths:
 * {@link NamedRequestDslTest}.
 */
class ScpDslTest {

  @Test
  void transferChecksAreAcceptedAndSftpOnesRefused() {
    assertThat(
            scp("ok")
                .download("f")
                .check(bodyLength().is(1), sha1().is("00"), transferredBytes().is(1L)))
        .isNotNull();
    assertThat(scp("ok").upload(s -> "/l", s -> "r").check(transferredBytes().is(1L))).isNotNull();
    assertThatThrownBy(() -> scp("stat").download("f").check(fileSize().is(1L)))
        .hasMessageStartingWith("SCP requests don't support FileSize checks");
    assertThatThrownBy(() -> scp("list").download("f").check(fileNames().count().is(1)))
        .hasMessageStartingWith("SCP requests don't support FileNames checks");
    assertThatThrownBy(() -> scp("json").download("f").check(bodyStream().exists()))
        .hasMessageStartingWith("SCP requests don't support BodyStream checks");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThat(scp("t").download("f").timeout(Duration.ofSeconds(1))).isNotNull();
    assertThatThrownBy(() -> scp("t").download("f", "/tmp/x").timeout(Duration.ZERO))
        .hasMessageStartingWith("timeout must be a positive duration");
  }
}
