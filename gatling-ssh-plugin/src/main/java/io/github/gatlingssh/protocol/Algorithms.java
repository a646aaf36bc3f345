package io.github.gatlingssh.protocol;

import io.github.gatlingssh.client.ClientSettings;
import java.util.List;

/**
 * Algorithm preferences, OpenSSH names in preference order: key exchange, ciphers, MACs (empty =
 * MINA's defaults). The defaults are {@link ClientSettings#DEFAULT}'s.
 */
public record Algorithms(List<String> kexAlgorithms, List<String> ciphers, List<String> macs) {
  /** {@link ClientSettings#DEFAULT}'s key exchanges, ciphers and MACs. */
  public static final Algorithms DEFAULT =
      new Algorithms(
          ClientSettings.DEFAULT.kexAlgorithms(),
          ClientSettings.DEFAULT.ciphers(),
          ClientSettings.DEFAULT.macs());

  /** Copies the lists. */
  public Algorithms {
    kexAlgorithms = List.copyOf(kexAlgorithms);
    ciphers = List.copyOf(ciphers);
    macs = List.copyOf(macs);
  }

  /** A copy with these key exchange algorithms. */
  public Algorithms withKexAlgorithms(List<String> value) {
    return new Algorithms(value, ciphers, macs);
  }

  /** A copy with these ciphers. */
  public Algorithms withCiphers(List<String> value) {
    return new Algorithms(kexAlgorithms, value, macs);
  }

  /** A copy with these MACs. */
  public Algorithms withMacs(List<String> value) {
    return new Algorithms(kexAlgorithms, ciphers, value);
  }
}
