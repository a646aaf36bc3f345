package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPositive;

import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.client.sftp.SftpSettings;
import io.github.gatlingssh.protocol.SshProtocol;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How {@link SshProtocolBuilder}'s client behaves: timeouts, output decoding and what the MINA
 * client is made of. Each setting is checked when the simulation is built.
 */
final class ClientTuning {
  private ClientTuning() {}

  static UnaryOperator<SshProtocol> connectTimeout(Duration timeout) {
    checkPositive(timeout, "connectTimeout");
    return s -> s.withClient(s.client().withConnectTimeout(timeout));
  }

  static UnaryOperator<SshProtocol> requestTimeout(Duration timeout) {
    checkPositive(timeout, "requestTimeout");
    return s -> s.withClient(s.client().withRequestTimeout(timeout));
  }

  static UnaryOperator<SshProtocol> charset(Charset charset) {
    Objects.requireNonNull(charset, "charset must not be null");
    return s -> s.withOutput(s.output().withCharset(charset));
  }

  static UnaryOperator<SshProtocol> maxOutputLength(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("maxOutputLength must be >= 0, was " + chars);
    }
    return s -> s.withOutput(s.output().withMaxOutputLength(chars));
  }

  static UnaryOperator<SshProtocol> kexAlgorithms(String... names) {
    return mina(s -> s.withAlgorithms(s.algorithms().withKexAlgorithms(List.of(names))));
  }

  static UnaryOperator<SshProtocol> ciphers(String... names) {
    return mina(s -> s.withAlgorithms(s.algorithms().withCiphers(List.of(names))));
  }

  static UnaryOperator<SshProtocol> macs(String... names) {
    return mina(s -> s.withAlgorithms(s.algorithms().withMacs(List.of(names))));
  }

  static UnaryOperator<SshProtocol> ioThreads(int threads) {
    return mina(s -> s.withClient(s.client().withIoThreads(threads)));
  }

  static UnaryOperator<SshProtocol> windowSize(long bytes) {
    return mina(s -> s.withClient(s.client().withWindowSize(bytes)));
  }

  static UnaryOperator<SshProtocol> sftpChunkSize(int bytes) {
    return sftp("sftpChunkSize", bytes, s -> new SftpSettings(bytes, s.maxRequests()));
  }

  static UnaryOperator<SshProtocol> sftpMaxRequests(int requests) {
    return sftp("sftpMaxRequests", requests, s -> new SftpSettings(s.chunkSize(), requests));
  }

  /**
   * A change of the SFTP pipelining: fails now (the builder applies it at once) on a bad value,
   * naming the DSL method and the allowed range.
   */
  private static UnaryOperator<SshProtocol> sftp(
      String method, int value, UnaryOperator<SftpSettings> change) {
    return s -> {
      try {
        return s.withSftp(change.apply(s.sftp()));
      } catch (IllegalArgumentException e) {
        throw SshProtocol.invalid(method + "(" + value + "): " + e.getMessage());
      }
    };
  }

  /**
   * A change of what the MINA client is made of: fails now (the builder applies it at once) on a
   * bad value.
   */
  private static UnaryOperator<SshProtocol> mina(UnaryOperator<SshProtocol> change) {
    return s -> {
      SshProtocol changed = change.apply(s);
      SshConnector.validate(changed.clientSettings());
      return changed;
    };
  }
}
