package io.github.gatlingssh.benchmark.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sftp's command line made from ssh's, and its batch lines. */
class SftpCommandTest {
  private static final List<String> SSH =
      words("ssh -F /dev/null -T -o BatchMode=yes -o LogLevel=ERROR -i /k/id -p 2222 -l bench h");

  private static List<String> words(String line) {
    return List.of(line.split(" "));
  }

  @Test
  void sshOptionsBecomeSftpOnes() {
    assertThat(SftpCommand.of(SSH, "aes128-gcm@openssh.com", Path.of("b.batch"), false))
        .isEqualTo(
            words(
                "sftp -b b.batch -c aes128-gcm@openssh.com -F /dev/null -o BatchMode=yes"
                    + " -o LogLevel=ERROR -i /k/id -P 2222 -o User=bench h"));
  }

  @Test
  void verboseLogsTheNegotiationAndNoCipherKeepsOpenSshsChoice() {
    assertThat(SftpCommand.of(SSH, null, Path.of("b"), true))
        .containsSubsequence("sftp", "-b", "b", "-v", "-F")
        .contains("LogLevel=DEBUG1")
        .doesNotContain("LogLevel=ERROR", "-c", "-T", "-p", "-l");
  }

  @Test
  void refusesWhatIsNotAnSshCommandLine() {
    assertThatThrownBy(() -> SftpCommand.of(List.of("scp", "h"), null, Path.of("b"), false))
        .hasMessageContaining("not an ssh command line");
  }

  @Test
  void batchLinesQuoteThePaths() {
    assertThat(SftpCommand.line("put", Path.of("/tmp/a b.bin"), Path.of("/d/x\"y")))
        .isEqualTo("put \"/tmp/a b.bin\" \"/d/x\\\"y\"\n");
  }
}
