package io.github.gatlingssh.javaapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every named request shares ({@link SshNamedRequest}, {@link SshFileTransfer}): a name, a
 * connection name and, for SFTP and SCP, non-empty paths; a mistake fails when the simulation is
 * built, saying what to do.
 */
class NamedRequestDslTest {

  @Test
  void everyRequestNeedsAName() {
    assertThatThrownBy(() -> SshDsl.ssh(" ")).hasMessageContaining("ssh(\"name\")");
    assertThatThrownBy(() -> SshDsl.sftp(" ")).hasMessageContaining("sftp(\"name\")");
    assertThatThrownBy(() -> SshDsl.scp(" ")).hasMessageContaining("scp(\"name\")");
    assertThatThrownBy(() -> SshDsl.shell(" ")).hasMessageContaining("shell(\"name\")");
    assertThatThrownBy(() -> SshDsl.tunnel(" ")).hasMessageContaining("tunnel(\"name\")");
  }

  @Test
  void everyRequestRefusesAnEmptyConnectionName() {
    for (Function<String, ?> request :
        Stream.<Function<String, ?>>of(
                n -> SshDsl.ssh("x").connectionName(n),
                n -> SshDsl.sftp("x").connectionName(n),
                n -> SshDsl.scp("x").connectionName(n),
                n -> SshDsl.shell("x").connectionName(n),
                n -> SshDsl.tunnel("x").connectionName(n))
            .toList()) {
      assertThatThrownBy(() -> request.apply("")).hasMessage("connectionName must not be empty");
    }
  }

  static Stream<Arguments> transfers() {
    return Stream.of(
        Arguments.of(SshDsl.sftp("x"), "an SFTP path must not be empty"),
        Arguments.of(SshDsl.scp("x"), "an SCP path must not be empty"));
  }

  @ParameterizedTest
  @MethodSource("transfers")
  void transfersNeedPathsAndContent(SshFileTransfer<?, ?> transfer, String emptyPath) {
    assertThatThrownBy(() -> transfer.download("")).hasMessage(emptyPath);
    assertThatThrownBy(() -> transfer.download("r", " ")).hasMessage(emptyPath);
    assertThatThrownBy(() -> transfer.upload("/l", " ")).hasMessage(emptyPath);
    assertThatThrownBy(() -> transfer.upload(" ", "r")).hasMessage(emptyPath);
    assertThatThrownBy(() -> transfer.uploadBytes("r", null)).hasMessage("content");
  }
}
