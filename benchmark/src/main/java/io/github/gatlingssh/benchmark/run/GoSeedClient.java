package io.github.gatlingssh.benchmark.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Go client ({@code benchmark/go/seedclient}, Go's golang.org/x/crypto/ssh), built on first use
 * into {@code benchmark/target/go} in GOPATH mode over Debian's packages ({@code golang-go}, {@code
 * golang-golang-x-crypto-dev}: the x/crypto source tree under {@code /usr/share/gocode}), with a
 * build cache of its own under the same directory (so a read-only $HOME does not matter).
 *
 * @param binary the client, or null when it cannot be built
 * @param problem why it cannot be built and how to fix that, or null
 */
public record GoSeedClient(Path binary, String problem) {
  /**
   * Where Debian's golang-golang-x-crypto-dev installs its source; -Dbenchmark.goPath overrides.
   */
  static final String DEBIAN_GOPATH = "/usr/share/gocode";

  private static final String PACKAGES =
      " (Debian: apt-get install -y golang-go golang-golang-x-crypto-dev)";

  public boolean available() {
    return binary != null;
  }

  /** Builds the client from the repository's source; never throws. */
  public static GoSeedClient build(Path repository, Path targetDir) {
    Path gopath = Path.of(System.getProperty("benchmark.goPath", DEBIAN_GOPATH));
    if (!Files.isDirectory(gopath.resolve("src/golang.org/x/crypto/ssh"))) {
      return new GoSeedClient(null, "golang.org/x/crypto is not under " + gopath + PACKAGES);
    }
    Path source = repository.resolve("benchmark/go/seedclient");
    Path out = targetDir.resolve("go");
    Path binary = out.resolve("seedclient");
    try {
      Files.createDirectories(out);
      Path log = out.resolve("build.log");
      ProcessBuilder pb =
          new ProcessBuilder(List.of("go", "build", "-o", binary.toString(), "."))
              .directory(source.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().put("GO111MODULE", "off");
      pb.environment().put("GOPATH", gopath.toString());
      pb.environment().put("GOCACHE", out.resolve("cache").toString());
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new GoSeedClient(null, "go build did not end within 5 min; see " + log);
      }
      if (p.exitValue() != 0) {
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        return new GoSeedClient(null, "go build failed (" + log + "): " + output);
      }
      return new GoSeedClient(binary, null);
    } catch (IOException e) {
      return new GoSeedClient(null, "cannot run go: " + e.getMessage() + PACKAGES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new GoSeedClient(null, "interrupted while building");
    }
  }
}
