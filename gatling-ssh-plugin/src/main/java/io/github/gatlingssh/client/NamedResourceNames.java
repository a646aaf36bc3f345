package io.github.gatlingssh.client;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.OptionalFeature;

/** Names of the algorithms this JVM supports, for error messages. */
final class NamedResourceNames {
  private NamedResourceNames() {}

  static String of(Collection<? extends NamedResource> values) {
    return values.stream()
        .filter(v -> !(v instanceof OptionalFeature f) || f.isSupported())
        .map(NamedResource::getName)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Fails with "unsupported {@code what} [...]; supported: [...]" when {@code unsupported} names
   * any: bad configuration fails when the simulation is built, saying what this JVM offers.
   */
  static void rejectUnsupported(
      String what, Collection<String> unsupported, Collection<? extends NamedResource> supported) {
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(
          "unsupported " + what + " " + unsupported + "; supported: " + of(supported));
    }
  }
}
