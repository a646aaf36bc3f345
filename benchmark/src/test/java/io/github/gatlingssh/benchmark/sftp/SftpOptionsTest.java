package io.github.gatlingssh.benchmark.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SFTP benchmark's command line. */
class SftpOptionsTest {

  @Test
  void selectedByTheFlagOrTheFirstWord() {
    assertThat(SftpOptions.selected(new String[] {"--sftp"})).isTrue();
    assertThat(SftpOptions.selected(new String[] {"--users", "2", "--sftp"})).isTrue();
    assertThat(SftpOptions.selected(new String[] {"sftp", "--users", "2"})).isTrue();
    assertThat(SftpOptions.selected(new String[] {"--users", "1"})).isFalse();
    assertThat(SftpOptions.selected(new String[0])).isFalse();
  }

  @Test
  void defaultsAreTheIssuesWorkload() {
    SftpOptions o = SftpOptions.parse(new String[] {"--sftp"}, Path.of("/repo"));

    assertThat(o.fileBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(o.users()).isEqualTo(100);
    assertThat(o.userBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(o.repetitions()).isEqualTo(3);
    assertThat(o.openSshConcurrent()).isTrue();
    assertThat(o.outDir()).isEqualTo(Path.of("/repo/benchmark/target"));
    assertThat(o.describe())
        .isEqualTo(
            "one 256 MiB upload and download, 3 repetitions; 100 users at once with 4 MiB each");
  }

  @Test
  void options() {
    SftpOptions o =
        SftpOptions.parse(
            new String[] {
              "sftp",
              "--size-mib",
              "16",
              "--users",
              "5",
              "--user-mib",
              "0.5",
              "--repetitions",
              "1",
              "--no-openssh-concurrent",
              "--jfr",
              "--out",
              "/out"
            },
            Path.of("/repo"));

    assertThat(o.fileBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(o.users()).isEqualTo(5);
    assertThat(o.userBytes()).isEqualTo(512L * 1024);
    assertThat(o.repetitions()).isEqualTo(1);
    assertThat(o.openSshConcurrent()).isFalse();
    assertThat(o.outDir()).isEqualTo(Path.of("/out"));
    assertThat(o.jvmFlags())
        .contains("-Xmx1g")
        .contains("-XX:StartFlightRecording=settings=profile,filename=/out/sftp-jfr/");
    assertThat(o.describe()).contains("0.5 MiB each (gatling-ssh only)");
  }

  @Test
  void badOptionsSayHow() {
    assertThatThrownBy(() -> SftpOptions.parse(new String[] {"--sftp", "--bogus"}, Path.of("/")))
        .hasMessageContaining("unknown option --bogus")
        .hasMessageContaining("usage: benchmark/run --sftp");
    assertThatThrownBy(() -> SftpOptions.parse(new String[] {"--sftp", "--users"}, Path.of("/")))
        .hasMessageContaining("--users needs a value");
    assertThatThrownBy(
            () -> SftpOptions.parse(new String[] {"--sftp", "--users", "0"}, Path.of("/")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> SftpOptions.parse(new String[] {"--sftp", "--help"}, Path.of("/")))
        .hasMessage(SftpOptions.USAGE);
  }
}
