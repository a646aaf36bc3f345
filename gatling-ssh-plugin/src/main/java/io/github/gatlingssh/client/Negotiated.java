package io.github.gatlingssh.client;

import java.util.Map;
import org.apache.sshd.common.kex.KexProposalOption;

/** The algorithms a connection negotiated, for reports and benchmarks. */
public record Negotiated(String kex, String hostKey, String cipher, String mac) {
  /** Before (or without) a completed key exchange. */
  public static final Negotiated UNKNOWN = new Negotiated("?", "?", "?", "?");

  static Negotiated of(Map<KexProposalOption, String> options) {
    return new Negotiated(
        options.getOrDefault(KexProposalOption.ALGORITHMS, "?"),
        options.getOrDefault(KexProposalOption.SERVERKEYS, "?"),
        options.getOrDefault(KexProposalOption.C2SENC, "?"),
        options.getOrDefault(KexProposalOption.C2SMAC, "?"));
  }

  @Override
  public String toString() {
    return "kex=" + kex + ", hostKey=" + hostKey + ", cipher=" + cipher + ", mac=" + mac;
  }
}
