package io.github.gatlingssh.testkit.openssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Host key pairs of all {@link KeyType}s for one server. Generating an RSA key takes about half a
 * second, so by default the keys are generated once per JVM and copied into each server's
 * directory; {@code fresh} gives a server keys of its own (for "host key changed" tests).
 */
final class HostKeys {

  /** One host key pair, installed in a server directory. */
  record HostKey(KeyType type, Path privateKey, String publicKeyLine) {}

  private record KeyMaterial(byte[] privateKey, byte[] publicKey) {}

  private static final Map<KeyType, KeyMaterial> SHARED =
      Collections.synchronizedMap(new EnumMap<>(KeyType.class));

  private HostKeys() {}

  /** Installs {@code host_<type>_key} and {@code .pub} for every key type into {@code dir}. */
  static List<HostKey> install(Path dir, boolean fresh) {
    ExecutorService pool = Executors.newFixedThreadPool(KeyType.values().length, daemonThreads());
    try {
      List<CompletableFuture<HostKey>> futures = new ArrayList<>();
      for (KeyType type : KeyType.values()) {
        futures.add(CompletableFuture.supplyAsync(() -> install(dir, type, fresh), pool));
      }
      List<HostKey> keys = new ArrayList<>();
      for (CompletableFuture<HostKey> future : futures) {
        keys.add(future.join());
      }
      return List.copyOf(keys);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    } finally {
      pool.shutdown();
    }
  }

  private static HostKey install(Path dir, KeyType type, boolean fresh) {
    Path privateKey = dir.resolve("host_" + type.keygenName() + "_key");
    KeyMaterial shared = fresh ? null : SHARED.get(type);
    try {
      if (shared == null) {
        SshKeygen.generate(type, KeyFormat.OPENSSH, null, privateKey);
        if (!fresh) {
          SHARED.putIfAbsent(
              type,
              new KeyMaterial(
                  Files.readAllBytes(privateKey),
                  Files.readAllBytes(SshKeygen.publicKeyFile(privateKey))));
        }
      } else {
        Files.createFile(
            privateKey,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(privateKey, shared.privateKey());
        Files.write(SshKeygen.publicKeyFile(privateKey), shared.publicKey());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HostKey(type, privateKey, SshKeygen.publicKeyLine(privateKey));
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "private-sshd-keygen");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Writes (replacing) a known_hosts file with one {@code [host]:port} line per host key. */
  static void writeKnownHosts(Path file, String host, int port, List<HostKey> keys) {
    StringBuilder sb = new StringBuilder();
    for (HostKey key : keys) {
      sb.append('[').append(host).append("]:").append(port).append(' ');
      sb.append(key.publicKeyLine()).append('\n');
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerDirectory.writeReadable(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
