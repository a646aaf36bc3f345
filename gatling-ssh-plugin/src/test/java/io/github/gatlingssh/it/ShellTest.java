package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.TestServer;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ForEachServer;
import java.time.Duration;

/**
 * Interactive shells as real Gatling runs against the embedded server (its in-JVM shell) and a
 * private OpenSSH sshd (bash): only what both shells do alike (prompt, echo, exit N).
 */
class ShellTest {

  @ForEachServer
  void promptEchoTimeoutAndExitStatus(TestServer server) {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("shell")
                    .exec(shell("open").open())
                    .exec(shell("prompt").expect("\\$ $"))
                    .exec(
                        shell("echo")
                            .send("echo hello world\n")
                            .expect("(?m)^hello \\w+\\r?$")
                            .check(regex("(?m)^hello (\\w+)\\r?$").saveAs("word")))
                    .exec(
                        shell("timeout")
                            .send("echo tail-marker\n")
                            .expect("never printed")
                            .timeout(Duration.ofSeconds(2)))
                    .exec(
                        shell("still open")
                            .send("echo again #{word}\n")
                            .expect("(?m)^again world\\r?$"))
                    .exec(shell("exit").send("exit 3\n").awaitExit().check(exitStatus().is(3)))
                    .exec(ssh("disconnect").disconnect()),
            20,
            TestProtocols.forServer(server)
                .connectTimeout(Duration.ofSeconds(60))
                .requestTimeout(Duration.ofSeconds(30)));

    Runs.assertAllOk(r, 20, "open", "prompt", "echo");
    Runs.assertAllKo(
        r,
        20,
        "timeout",
        m ->
            assertThat(m)
                .startsWith("expect: no match for /never printed/ within 2 s; last output: ")
                .contains("tail-marker\\r\\n"));
    Runs.assertAllOk(r, 20, "still open", "exit", "disconnect");
  }
}
