package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.ProtocolChecks.checkPositive;

import io.github.gatlingssh.client.SshConnector;
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
