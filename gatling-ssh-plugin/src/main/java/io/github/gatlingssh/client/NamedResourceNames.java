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
}
