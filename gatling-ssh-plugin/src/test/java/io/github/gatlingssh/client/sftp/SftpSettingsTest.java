package io.github.gatlingssh.client.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad pipelining settings fail when they are made, saying what is allowed. */
class SftpSettingsTest {
  @Test
  void defaultsAreOpenSshs() {
    assertThat(SftpSettings.DEFAULTS.chunkSize()).isEqualTo(32 * 1024);
    assertThat(SftpSettings.DEFAULTS.maxRequests()).isEqualTo(64);
  }

  @Test
  void refusesChunksOpenSshWouldRefuse() {
    assertThatThrownBy(() -> new SftpSettings(0, 64))
        .hasMessageContaining("between 1 and " + SftpSettings.MAX_CHUNK_SIZE);
    assertThatThrownBy(() -> new SftpSettings(256 * 1024, 64))
        .hasMessageContaining("OpenSSH's servers refuse larger messages");
  }

  @Test
  void refusesNoRequestsInFlight() {
    assertThatThrownBy(() -> new SftpSettings(1024, 0))
        .hasMessageContaining("between 1 and 1024, got 0");
  }

  @Test
  void statusesAreNamedAsInTheDrafts() {
    assertThat(SftpStatus.of(2)).isEqualTo(SftpStatus.SSH_FX_NO_SUCH_FILE);
    assertThat(SftpStatus.of(3).text()).isEqualTo("permission denied");
    assertThat(SftpStatus.of(14)).isEqualTo(SftpStatus.SSH_FX_NO_SPACE_ON_FILESYSTEM);
    assertThat(SftpStatus.of(99)).isEqualTo(SftpStatus.UNKNOWN);
    SftpException e = SftpException.status(99, "odd", "/p");
    assertThat(e.statusName()).isEqualTo("SSH_FX_99");
    assertThat(e.getMessage()).isEqualTo("sftp: status 99: /p (server: odd)");
  }
}
