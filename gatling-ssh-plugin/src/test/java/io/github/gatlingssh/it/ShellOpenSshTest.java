package io.github.gatlingssh.it;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.github.gatlingssh.javaapi.SshDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.javaapi.SshProtocolBuilder;
import io.github.gatlingssh.testkit.gatling.GatlingResult;
import io.github.gatlingssh.testkit.junit.ClassServer;
import io.github.gatlingssh.testkit.openssh.PrivateSshd;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interactive shells with a PTY, as real Gatling runs against a private OpenSSH sshd (the user's
 * shell is bash).
 */
class ShellOpenSshTest {
  private static final String PROMPT = "\\$ $";

  @RegisterExtension static final ClassServer<PrivateSshd> SSHD = ClassServer.openSsh();

  private static SshProtocolBuilder protocol() {
    return TestProtocols.forServer(SSHD.get())
        .connectTimeout(Duration.ofSeconds(60))
        .requestTimeout(Duration.ofSeconds(30));
  }

  @Test
  void promptCommandExpectTimeoutAndExitStatus() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("shell")
                    .exec(shell("open").open())
                    .exec(shell("prompt").expect(PROMPT))
                    .exec(
                        shell("answer")
                            .send("echo $((6*7))\n")
                            .expect("(?m)^42\\r?$")
                            .check(
                                bodyString().saveAs("answered"),
                                regex("(?m)^(\\d+)\\r?$").saveAs("n")))
                    .exec(shell("prompt again").expect(PROMPT))
                    .exec(
                        shell("nothing")
                            .send("echo marker-$((1+1))\n")
                            .expect("never printed")
                            .timeout(Duration.ofSeconds(2)))
                    .exec(shell("saved").send("echo #{n}-#{n}\n").expect("(?m)^42-42\\r?$"))
                    // bash (readline) puts ESC[?2004h before its prompt: only the stripped
                    // output has "\r\nuser@"
                    .exec(
                        shell("raw prompt")
                            .expect("\\r\\n[\\w-]+@[^:]+:~\\$ $")
                            .timeout(Duration.ofSeconds(2)))
                    .exec(
                        shell("stripped prompt")
                            .expect("\\r\\n[\\w-]+@[^:]+:~\\$ $")
                            .stripEscapes()
                            .check(substring("\u001b").notExists()))
                    .exec(shell("exit").send("exit 3\n").awaitExit().check(exitStatus().is(3)))
                    .exec(shell("after exit").send("echo hi\n"))
                    .exec(ssh("disconnect").disconnect()),
            2,
            protocol());

    Runs.assertAllOk(
        r,
        2,
        "open",
        "prompt",
        "answer",
        "prompt again",
        "saved",
        "stripped prompt",
        "exit",
        "disconnect");
    // the shell stays open after an expect timeout, and the message shows what came in last
    Runs.assertAllKo(
        r,
        2,
        "nothing",
        m ->
            assertThat(m)
                .startsWith("expect: no match for /never printed/ within 2 s; last output: ")
                .contains("marker-2\\r\\n"));
    Runs.assertAllKo(
        r,
        2,
        "raw prompt",
        m -> assertThat(m).contains("within 2 s; last output: ").contains("\\x1b[?2004h"));
    assertThat(r.koMessages("after exit"))
        .as(r.summary())
        .containsOnly(
            "shell: no shell open for this virtual user: add shell(..).open() before this request");
  }

  @Test
  void aNonZeroExitIsKoUnlessCheckedAndCloseHangsUpARunningShell() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("exits")
                    .exec(shell("open").open().pty("vt100", 132, 43))
                    .exec(shell("size").send("stty size\n").expect("(?m)^43 132\\r?$"))
                    .exec(shell("exit 3").send("exit 3\n").awaitExit())
                    .exec(shell("open named").shellName("second").open())
                    .exec(shell("open named twice").shellName("second").open())
                    .exec(shell("prompt named").shellName("second").expect(PROMPT))
                    .exec(shell("close named").shellName("second").close())
                    .exec(shell("close twice").shellName("second").close())
                    .exec(ssh("disconnect").disconnect()),
            1,
            protocol());

    Runs.assertAllOk(r, 1, "size", "open named", "prompt named", "close named", "disconnect");
    assertThat(r.koMessages("exit 3")).as(r.summary()).containsOnly("shell: exit status 3");
    assertThat(r.koMessages("open named twice"))
        .as(r.summary())
        .containsOnly(
            "shell: a shell named 'second' is already open for this virtual user: close() it first, or use shellName(..)");
    assertThat(r.koMessages("close twice"))
        .as(r.summary())
        .singleElement()
        .asString()
        .startsWith("shell: no shell named 'second' open");
  }

  @Test
  void twoHundredShellsAtOnce() {
    GatlingResult r =
        Runs.atOnce(
            () ->
                Scenarios.connected("shells")
                    .exec(shell("open").open())
                    .exec(shell("prompt").expect(PROMPT))
                    .exec(shell("answer").send("echo $((6*7))\n").expect("(?m)^42\\r?$"))
                    .exec(shell("exit").send("exit\n").awaitExit().check(exitStatus().is(0)))
                    .exec(ssh("disconnect").disconnect()),
            200,
            protocol(),
            Duration.ofSeconds(240));

    Runs.assertAllOk(r, 200, "connect", "open", "prompt", "answer", "exit");
  }
}
