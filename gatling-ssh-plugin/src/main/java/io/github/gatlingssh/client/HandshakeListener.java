package io.github.gatlingssh.client;

import java.util.List;
import java.util.Map;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Follows each {@link ConnectAttempt} through the handshake on MINA's I/O threads, so failures and
 * timeouts can say where they happened: the phase reached, the host key verdict of the attempt's
 * policy, the host key types to propose first, what was negotiated and the last exception.
 */
final class HandshakeListener implements SessionListener {

  /** Sends each host key check to the policy of the connection attempt that asked for it. */
  static final ServerKeyVerifier VERIFIER =
      (session, remote, key) -> {
        ConnectAttempt attempt = ConnectAttempt.of(session);
        if (attempt == null) {
          return false;
        }
        SshFailure rejection =
            attempt
                .request
                .hostKeyPolicy()
                .verify(attempt.request.host(), attempt.request.port(), key);
        attempt.hostKeyRejection = rejection;
        return rejection == null;
      };

  /** The listener of every session of the client: one instance, the state is in each attempt. */
  static final SessionListener INSTANCE = new HandshakeListener();

  private HandshakeListener() {}

  @Override
  public void sessionCreated(Session session) {
    update(session, ConnectAttempt.Phase.BANNER);
    // The session is created when the TCP connection is established: the end of timePhases' "tcp"
    ConnectAttempt attempt = attempt(session);
    if (attempt != null) {
      attempt.tcpConnectedAt = System.nanoTime();
    }
    // Runs before the client's KEXINIT is built: propose first the host key types the policy
    // knows for this host, so a known_hosts holding only one type of key still matches.
    if (attempt != null) {
      List<String> known =
          attempt
              .request
              .hostKeyPolicy()
              .knownKeyTypes(attempt.request.host(), attempt.request.port());
      if (!known.isEmpty()) {
        session.setSignatureFactories(
            HostKeyAlgorithms.preferring(session.getSignatureFactories(), known));
      }
    }
  }

  @Override
  public void sessionPeerIdentificationReceived(
      Session session, String version, List<String> extraLines) {
    update(session, ConnectAttempt.Phase.KEX);
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    if (event == Event.KeyEstablished) {
      ConnectAttempt attempt = attempt(session);
      if (attempt != null && attempt.phase != ConnectAttempt.Phase.AUTH) {
        attempt.keyEstablishedAt = System.nanoTime(); // the first key exchange only, not a re-key
      }
      update(session, ConnectAttempt.Phase.AUTH);
    }
  }

  @Override
  public void sessionNegotiationEnd(
      Session session,
      Map<KexProposalOption, String> clientProposal,
      Map<KexProposalOption, String> serverProposal,
      Map<KexProposalOption, String> negotiatedOptions,
      Throwable reason) {
    ConnectAttempt attempt = attempt(session);
    if (attempt != null && negotiatedOptions != null && reason == null) {
      attempt.negotiated = Negotiated.of(negotiatedOptions);
    }
  }

  @Override
  public void sessionException(Session session, Throwable t) {
    ConnectAttempt attempt = attempt(session);
    if (attempt != null && attempt.result.isDone() && isKeepAliveLoss(t)) {
      ConnectionLoss.note(
          session,
          "no keepalive answer from "
              + attempt.request.address()
              + " ("
              + CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.getRequired(session)
              + " unanswered, one every "
              + Durations.format(CoreModuleProperties.HEARTBEAT_INTERVAL.getRequired(session))
              + ")");
    }
    if (attempt != null && attempt.lastException == null) {
      attempt.lastException = t;
    }
  }

  @Override
  public void sessionClosed(Session session) {
    ConnectAttempt attempt = attempt(session);
    if (attempt != null) {
      attempt.onClosedDuringHandshake();
    }
  }

  private void update(Session session, ConnectAttempt.Phase phase) {
    ConnectAttempt attempt = attempt(session);
    if (attempt != null) {
      attempt.phase = phase;
    }
  }

  private static ConnectAttempt attempt(Session session) {
    return session instanceof ClientSession cs ? ConnectAttempt.of(cs) : null;
  }

  /** MINA's heartbeat gave up: "Got N heartbeat requests without reply". */
  private static boolean isKeepAliveLoss(Throwable t) {
    return t != null
        && t.getMessage() != null
        && t.getMessage().contains("heartbeat requests without reply");
  }
}
