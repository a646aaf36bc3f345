package io.github.gatlingssh.benchmark.result;

import java.util.List;
import java.util.Locale;

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

  /**
   * The clients named on the command line ({@code gatling}, {@code mina}, ...).
   *
   * @throws IllegalArgumentException naming an unknown client and the known ones
   */
  public static List<Client> parse(List<String> names) {
    return names.stream()
        .map(
            name -> {
              try {
                return Client.valueOf(name.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "unknown client " + name + ": gatling, mina, openssh or go");
              }
            })
        .toList();
  }
}
