package io.github.gatlingssh.javaapi;

import static io.gatling.javaapi.core.CoreDsl.bodyStream;
import static io.gatling.javaapi.core.CoreDsl.sha1;
import static io.github.gatlingssh.javaapi.SshDsl.fileNames;
import static io.github.gatlingssh.javaapi.SshDsl.fileSize;
import static io.github.gatlingssh.javaapi.SshDsl.sftp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Mistakes in SFTP requests fail when the simulation is built, saying what to do; names, connection
 * names and transfer paths: {@link NamedRequestDslTest}.
 */
class SftpDslTest {

  @Test
  void sftpVerbsNeedPaths() {
    assertThatThrownBy(() -> sftp("x").mkdir("")).hasMessage("an SFTP path must not be empty");
    assertThatThrownBy(() -> sftp("x").rename("a", " "))
        .hasMessage("an SFTP path must not be empty");
  }

  @Test
  void appendAppliesToUploadsOnly() {
    assertThat(sftp("up").uploadBytes("f", s -> new byte[1]).append()).isNotNull();
    assertThat(sftp("up").upload("/l", "r").overwrite()).isNotNull();
    assertThatThrownBy(() -> sftp("down").download("f").append())
        .hasMessage("append() and overwrite() apply to upload and uploadBytes, not to download");
  }

  @Test
  void unsupportedChecksAndTimeoutsAreRefused() {
    assertThat(sftp("ok").stat("f").check(fileSize().is(1L))).isNotNull();
    assertThat(sftp("ok").list("d").check(fileNames().count().is(1))).isNotNull();
    assertThat(sftp("ok").download("f").check(sha1().is("00"))).isNotNull();
    assertThatThrownBy(() -> sftp("json").download("f").check(bodyStream().exists()))
        .hasMessageStartingWith("SFTP requests don't support BodyStream checks");
    assertThatThrownBy(() -> sftp("t").stat("f").timeout(java.time.Duration.ZERO))
        .hasMessageStartingWith("timeout must be a positive duration");
  }
}
