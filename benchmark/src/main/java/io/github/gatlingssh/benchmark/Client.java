package io.github.gatlingssh.benchmark;

/** The clients compared. */
enum Client {
  GATLING("gatling-ssh"),
  MINA("bare MINA"),
  OPENSSH("OpenSSH ssh");

  final String label;

  Client(String label) {
    this.label = label;
  }
}
