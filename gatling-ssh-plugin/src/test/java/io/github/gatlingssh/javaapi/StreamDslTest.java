package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.SshDsl.shell;
import static io.github.gatlingssh.javaapi.SshDsl.tunnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Shell and tunnel DSL: bad configuration fails when the simulation is built, saying how to fix it.
 */
class StreamDslTest {

  @Test
  void anInvalidRegexFailsAtBuildTime() {
    assertThatThrownBy(() -> shell("prompt").expect("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expect: invalid regex (Java syntax)");
    assertThatThrownBy(() -> tunnel("get").send("GET /\r\n").expect(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expect needs a regex");
  }

  @Test
  void awaitExitIsForShellsAfterASend() {
    assertThatThrownBy(() -> tunnel("t").send("x").awaitExit())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use tunnel(..).close()");
    assertThatThrownBy(() -> shell("s").send("x\n").expect("y").awaitExit())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("follows send(..)");
  }

  @Test
  void ptyPortsAndTimeoutsAreChecked() {
    assertThatThrownBy(() -> shell("open").open().pty(" ", 80, 24))
        .hasMessageContaining("terminal type");
    assertThatThrownBy(() -> shell("open").open().pty("xterm", 0, 24))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> tunnel("open").open("127.0.0.1", 0)).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> tunnel("open").open("127.0.0.1", "70000"))
        .hasMessageContaining("1..65535");
    assertThatThrownBy(() -> shell("x").expect("y").timeout(Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> shell("x").shellName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> shell(" ")).hasMessageContaining("needs a name");
  }

  @Test
  void elAndFunctionOverloadsBuild() {
    assertThat(
            shell(s -> "n")
                .shellName("b")
                .connectionName("c")
                .send(s -> "echo\n")
                .expect("\\$ $")
                .stripEscapes()
                .timeout(Duration.ofSeconds(3))
                .asScala())
        .isNotNull();
    assertThat(tunnel("#{name}").tunnelName("web").open(s -> "127.0.0.1", s -> 8080).asScala())
        .isNotNull();
    assertThat(tunnel("open").open("#{host}", "#{port}").asScala()).isNotNull();
    assertThat(
            shell("exit")
                .send("exit #{code}\n")
                .awaitExit()
                .timeout(Duration.ofSeconds(1))
                .asScala())
        .isNotNull();
    assertThat(shell("close").close().timeout(Duration.ofSeconds(1)).asScala()).isNotNull();
  }
}
