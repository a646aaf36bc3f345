package io.github.gatlingssh.client;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.helpers.AbstractConnectionServiceRequestHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Takes OpenSSH's {@code hostkeys-00@openssh.com} global request, which an OpenSSH server sends
 * after every authentication with all its host keys, without decoding the keys. MINA's own handler
 * ({@link OpenSshHostKeysHandler}, in its default list) parses each key only to log how many it
 * got: about 4% of a steady-state client's Java samples against OpenSSH (JFR, seed sequence).
 * Nothing here uses those keys: they serve OpenSSH's {@code UpdateHostKeys} (rewriting
 * known_hosts), which gatling-ssh does not do, and host key verification is done during the key
 * exchange, before authentication, by the client's {@code ServerKeyVerifier}, which this leaves
 * alone. OpenSSH sends the request without want-reply, so there is nothing to answer, as with
 * MINA's handler; a request that did want a reply gets a failure (MINA's handler throws).
 */
final class HostKeysAnnouncement extends AbstractConnectionServiceRequestHandler {
  static final HostKeysAnnouncement INSTANCE = new HostKeysAnnouncement();

  private HostKeysAnnouncement() {}

  /** Replaces MINA's {@link OpenSshHostKeysHandler} in {@code client}'s global request handlers. */
  static void install(SshClient client) {
    List<RequestHandler<ConnectionService>> handlers = new ArrayList<>();
    handlers.add(INSTANCE);
    for (RequestHandler<ConnectionService> h : client.getGlobalRequestHandlers()) {
      if (!(h instanceof OpenSshHostKeysHandler)) {
        handlers.add(h);
      }
    }
    client.setGlobalRequestHandlers(handlers);
  }

  @Override
  public Result process(
      ConnectionService service, String request, boolean wantReply, Buffer buffer) {
    if (!OpenSshHostKeysHandler.REQUEST.equals(request)) {
      return Result.Unsupported;
    }
    return wantReply ? Result.ReplyFailure : Result.Replied;
  }
}
