package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's command line tools for interoperability tests. */
final class OpenSshTools {

  record Output(int exitCode, byte[] stdoutBytes, String stderr) {
    String stdout() {
      return new String(stdoutBytes, StandardCharsets.UTF_8);
    }
  }

  private OpenSshTools() {}

  static boolean available(String tool) {
    return Files.isExecutable(Path.of("/usr/bin", tool));
  }

  static Output run(Path workDir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "out", ".bin");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    return new Output(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }
}
