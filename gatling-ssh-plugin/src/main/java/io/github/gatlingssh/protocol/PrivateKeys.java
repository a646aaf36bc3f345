package io.github.gatlingssh.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads private keys once per run and shares them between virtual users. Decrypting an OpenSSH key
 * (bcrypt) costs 100+ ms of CPU, so a key named by EL is loaded on a dedicated thread, never on
 * Gatling's event loops or MINA's I/O threads.
 */
final class PrivateKeys implements AutoCloseable {
  private static final org.slf4j.Logger LOGGER =
      org.slf4j.LoggerFactory.getLogger(PrivateKeys.class);
  private final Map<Source, CompletableFuture<List<KeyPair>>> cache = new ConcurrentHashMap<>();
  private volatile ExecutorService loader;

  /**
   * A key file, its passphrase and its OpenSSH certificate (null: {@code <path>-cert.pub} if it
   * exists); {@link #toString()} never shows the passphrase.
   */
  record Source(String path, String passphrase, String certificate) {
    Source(String path, String passphrase) {
      this(path, passphrase, null);
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /**
   * Loads now, on the calling thread (simulation build time); throws with a message saying what to
   * fix.
   */
  List<KeyPair> loadNow(Source source) {
    CompletableFuture<List<KeyPair>> f =
        cache.computeIfAbsent(
            source,
            s -> {
              try {
                return CompletableFuture.completedFuture(read(s));
              } catch (KeyLoadException e) {
                return CompletableFuture.failedFuture(e);
              }
            });
    try {
      return f.getNow(null); // completed above, on this thread (or by an earlier load)
    } catch (java.util.concurrent.CompletionException e) {
      throw (KeyLoadException) e.getCause();
    }
  }

  /**
   * Loads on the loader thread unless already loaded; the future fails with a {@link
   * KeyLoadException}.
   */
  CompletableFuture<List<KeyPair>> load(Source source) {
    CompletableFuture<List<KeyPair>> cached = cache.get(source);
    if (cached != null) {
      return cached;
    }
    return cache.computeIfAbsent(
        source, s -> CompletableFuture.supplyAsync(() -> read(s), loader()));
  }

  private ExecutorService loader() {
    ExecutorService l = loader;
    if (l == null) {
      synchronized (this) {
        if (loader == null) {
          loader =
              Executors.newSingleThreadExecutor(
                  r -> {
                    Thread t = new Thread(r, "gatling-ssh-key-loader");
                    t.setDaemon(true);
                    return t;
                  });
        }
        l = loader;
      }
    }
    return l;
  }

  static List<KeyPair> read(Source source) {
    Path path = Path.of(source.path());
    if (!Files.isRegularFile(path)) {
      throw new KeyLoadException(
          "private key file " + path.toAbsolutePath() + " does not exist or is not a file");
    }
    if (!Files.isReadable(path)) {
      throw new KeyLoadException("private key file " + path.toAbsolutePath() + " is not readable");
    }
    FilePasswordProvider passwords =
        source.passphrase() == null
            ? (session, resource, index) -> null
            : FilePasswordProvider.of(source.passphrase());
    try (InputStream in = Files.newInputStream(path)) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(source.path()), in, passwords);
      List<KeyPair> keys = new ArrayList<>();
      if (pairs != null) {
        pairs.forEach(keys::add);
      }
      LOGGER.debug("Loaded private key {} ({} key pair(s))", path.toAbsolutePath(), keys.size());
      if (keys.isEmpty()) {
        throw new KeyLoadException(
            "no private key found in "
                + path.toAbsolutePath()
                + (source.passphrase() == null
                    ? " (if it is encrypted, give its passphrase: privateKey(path, passphrase))"
                    : ""));
      }
      return Certificates.attach(List.copyOf(keys), path, source.certificate());
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof KeyLoadException k) {
        throw k;
      }
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String hint =
          source.passphrase() == null
              ? " (encrypted? give its passphrase: privateKey(path, passphrase))"
              : " (wrong passphrase?)";
      // the hint before MINA's detail, which repeats the path: KO messages are cut at 200
      // characters
      throw new KeyLoadException(
          "cannot load private key " + path.toAbsolutePath() + hint + ": " + why);
    }
  }

  @Override
  public void close() {
    ExecutorService l = loader;
    if (l != null) {
      l.shutdownNow();
    }
  }

  /**
   * A key that cannot be used; the message names the file and what to fix, never the passphrase.
   */
  static final class KeyLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyLoadException(String message) {
      super(message, null, false, false);
    }
  }
}
