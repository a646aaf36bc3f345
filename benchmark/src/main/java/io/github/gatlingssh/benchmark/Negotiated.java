package io.github.gatlingssh.benchmark;

/** The algorithms a client negotiated with the server, as one client reports them. */
record Negotiated(String kex, String hostKey, String cipher, String mac) {
  static final Negotiated UNKNOWN = new Negotiated("?", "?", "?", "?");

  @Override
  public String toString() {
    return "kex " + kex + ", host key " + hostKey + ", cipher " + cipher + ", MAC " + mac;
  }
}
