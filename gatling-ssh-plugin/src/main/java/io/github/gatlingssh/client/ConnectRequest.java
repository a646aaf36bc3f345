package io.github.gatlingssh.client;

import io.github.gatlingssh.client.hostkey.HostKeyPolicy;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/**
 * Everything one connection needs, resolved for one virtual user.
 *
 * @param password may be null; never printed ({@link #toString()} hides it)
 * @param prompts keyboard-interactive answers (empty: MINA answers password prompts with the
 *     password)
 */
public record ConnectRequest(
    String host,
    int port,
    String username,
    String password,
    List<KeyPair> keys,
    HostKeyPolicy hostKeyPolicy,
    Duration timeout,
    List<PromptAnswer> prompts) {

  public ConnectRequest {
    keys = List.copyOf(keys);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }

  /** The authentication methods this request can try, in the order the client tries them. */
  public List<String> methods() {
    if (!prompts.isEmpty()) {
      List<String> methods = new java.util.ArrayList<>();
      if (!keys.isEmpty()) {
        methods.add("publickey");
      }
      methods.add("keyboard-interactive");
      if (password != null) {
        methods.add("password");
      }
      return List.copyOf(methods);
    }
    if (!keys.isEmpty() && password != null) {
      return List.of("publickey", "password", "keyboard-interactive");
    }
    return keys.isEmpty() ? List.of("password", "keyboard-interactive") : List.of("publickey");
  }

  /** "host:port", for messages. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "ConnectRequest[" + username + "@" + address() + ", methods=" + methods() + "]";
  }
}
