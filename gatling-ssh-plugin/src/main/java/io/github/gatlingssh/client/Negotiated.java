package io.github.gatlingssh.client;

import java.util.Map;
import org.apache.sshd.common.kex.KexProposalOption;

/** The algorithms a connection negotiated, for reports and benchmarks. */
public record Negotiated(String kex, String hostKey, String cipher, String mac) {
  /** Before (or without) a completed key exchange. */
  public static final Negotiated UNKNOWN = new Negotiated("?", "?", "?", "?");

  static Negotiated of(Map<KexProposalOption, String> options) {
    return new Negotiated(
        name(options, KexProposalOption.ALGORITHMS),
        name(options, KexProposalOption.SERVERKEYS),
        name(options, KexProposalOption.C2SENC),
        name(options, KexProposalOption.C2SMAC));
  }

  // Each connection's negotiation splits the names anew; a held connection keeps this record, so
  // it keeps the JVM's one copy of each name (LeanClientSession does the same for MINA's maps).
  private static String name(Map<KexProposalOption, String> options, KexProposalOption option) {
    String name = options.get(option);
    return name == null ? "?" : name.intern();
  }

  @Override
  public String toString() {
    return "kex=" + kex + ", hostKey=" + hostKey + ", cipher=" + cipher + ", mac=" + mac;
  }
}
