package io.github.gatlingssh.benchmark.result;

/** The clients compared. */
public enum Client {
  GATLING("gatling-ssh"),
  MINA("bare MINA"),
  OPENSSH("OpenSSH ssh"),
  GO("Go x/crypto/ssh");

  public final String label;

  Client(String label) {
    this.label = label;
  }
}
