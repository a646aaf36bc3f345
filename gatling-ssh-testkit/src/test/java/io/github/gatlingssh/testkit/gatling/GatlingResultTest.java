package io.github.gatlingssh.testkit.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingResultTest {

  private static final long T = 1_700_000_000_000L;

  @TempDir Path dir;
  private GatlingResult result;

  @BeforeEach
  void setUp() {
    Path file =
        new SimulationLogFile("Sim", T, List.of("a", "b"), List.of())
            .user(0, true, T)
            .user(1, true, T)
            .user(1, true, T)
            .request(List.of("grp"), "open", T, T + 1, true, "")
            .request(List.of("grp"), "exec", T, T + 1, false, "boom")
            .request(List.of(), "exec", T, T + 1, false, "boom")
            .request(List.of(), "exec", T, T + 1, false, "bang")
            .request(List.of(), "exec", T, T + 1, true, "")
            .group(List.of("grp"), T, T + 2, 2, false)
            .group(List.of("grp", "inner"), T, T + 2, 2, true)
            .error("close: crashed ", T + 3)
            .user(0, false, T + 4)
            .writeTo(dir.resolve("simulation.log"));
    result = new GatlingResult(2, dir, SimulationLog.read(file), null);
  }

  @Test
  void countsByRequestNameWhateverTheGroup() {
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.runDir()).isEqualTo(dir);
    assertThat(result.requestNames()).containsExactly("open", "exec");
    assertThat(result.requests()).hasSize(5);
    assertThat(result.requests("exec")).hasSize(4);
    assertThat(result.ok("exec")).isEqualTo(1);
    assertThat(result.ko("exec")).isEqualTo(3);
    assertThat(result.ok("missing")).isZero();
    assertThat(result.okCount()).isEqualTo(2);
    assertThat(result.koCount()).isEqualTo(3);
    assertThat(result.koMessages("exec")).containsExactly("boom", "boom", "bang");
    assertThat(result.koMessages("open")).isEmpty();
  }

  @Test
  void groupsUsersAndErrors() {
    assertThat(result.groups()).hasSize(2);
    assertThat(result.groups("grp")).singleElement().matches(g -> !g.ok());
    assertThat(result.groups("grp", "inner")).singleElement().matches(SimulationLog.Group::ok);
    assertThat(result.groups("inner")).isEmpty();
    assertThat(result.usersStarted()).isEqualTo(3);
    assertThat(result.usersEnded()).isEqualTo(1);
    assertThat(result.usersStarted("b")).isEqualTo(2);
    assertThat(result.errors())
        .extracting(SimulationLog.Error::message)
        .containsExactly("close: crashed ");
    assertThat(result.reportIndex()).isEmpty();
    assertThat(result.runInfo().simulationClassName()).isEqualTo("Sim");
  }

  @Test
  void summaryListsEachRequestPathWithDistinctKoMessages() {
    assertThat(result.summary())
        .isEqualTo(
            "exit code 2, 3 users started, 1 ended, run dir "
                + dir
                + "\n  grp / open: 1 OK, 0 KO"
                + "\n  grp / exec: 0 OK, 1 KO [boom x1]"
                + "\n  exec: 1 OK, 2 KO [boom x1, bang x1]"
                + "\n  errors: [close: crashed  x1]");
    assertThat(result).hasToString(result.summary());
  }
}
