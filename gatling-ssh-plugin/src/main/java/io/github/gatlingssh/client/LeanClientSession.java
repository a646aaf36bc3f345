package io.github.gatlingssh.client;

import java.util.Map;
import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.extension.DefaultClientKexExtensionHandler;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.ValidateUtils;

/**
 * MINA's client session without what a held connection never reads again once its key exchange is
 * negotiated. Class histograms of held sessions showed, per connection: the payloads of both
 * SSH_MSG_KEXINIT messages (about 2 KB, which {@code AbstractSession} keeps until the next key
 * exchange overwrites them, though only {@link #performKexNegotiation()} reads them, and the key
 * exchange keeps its own copies until it completes), and about 2 KB of strings in the proposals and
 * the negotiation result: every session splits and joins the same algorithm lists anew. Installed
 * by {@link ConnectionFootprint} through MINA's {@link SessionFactory}, its extension point for
 * session classes.
 */
final class LeanClientSession extends ClientSessionImpl {
  // the payloads of our and the server's SSH_MSG_KEXINIT, from their arrival to the negotiation
  // (volatile: written and read on MINA's I/O threads, as AbstractSession's under its kexState
  // lock)
  private volatile byte[] clientKexInit;
  private volatile byte[] serverKexInit;

  private LeanClientSession(ClientFactoryManager client, IoSession ioSession) throws Exception {
    super(client, ioSession);
    MinaLogger.keep(this);
  }

  /** Creates {@link LeanClientSession}s for {@code client}. */
  static SessionFactory factory(ClientFactoryManager client) {
    return new SessionFactory(client) {
      @Override
      protected ClientSessionImpl doCreateSession(IoSession ioSession) throws Exception {
        return new LeanClientSession(getClient(), ioSession);
      }
    };
  }

  @Override
  protected void setClientKexData(byte[] data) {
    clientKexInit = checkedCopy(data, "No client KEX seed");
  }

  @Override
  protected byte[] getClientKexData() {
    return copy(clientKexInit);
  }

  @Override
  protected void setServerKexData(byte[] data) {
    serverKexInit = checkedCopy(data, "No server KEX seed");
  }

  @Override
  protected byte[] getServerKexData() {
    return copy(serverKexInit);
  }

  // as AbstractSession keeps them: a copy, never empty
  private static byte[] checkedCopy(byte[] data, String missing) {
    return ValidateUtils.checkNotNullAndNotEmpty(data, missing).clone();
  }

  private static byte[] copy(byte[] data) {
    return data == null ? null : data.clone();
  }

  /**
   * Negotiates as MINA does, then lets go of both KEXINIT payloads (the key exchange has copies; a
   * re-key sends and receives new ones before negotiating again) and makes the proposals and the
   * result share one copy of each algorithm list and name across all sessions.
   */
  @Override
  protected void performKexNegotiation() throws Exception {
    try {
      super.performKexNegotiation();
    } finally {
      clientKexInit = null;
      serverKexInit = null;
      share(initialKexProposal);
      share(clientProposal);
      share(serverProposal);
      share(negotiationResult);
    }
  }

  /**
   * Once authenticated, lets go of the server's signature algorithms (its "server-sig-algs"
   * extension, a case-insensitive TreeSet of about 15 names, 1.1 KB per held connection): MINA
   * reads them only to pick a public key authentication's signature algorithm.
   */
  @Override
  protected void signalSessionEvent(SessionListener.Event event) throws Exception {
    if (event == SessionListener.Event.Authenticated) {
      removeAttribute(DefaultClientKexExtensionHandler.SERVER_ALGORITHMS);
    }
    super.signalSessionEvent(event);
  }

  /**
   * Replaces each value of {@code proposal} by the JVM's canonical copy ({@link String#intern()}):
   * the algorithm lists are the same for every connection to the same kind of server.
   */
  private static void share(Map<KexProposalOption, String> proposal) {
    if (proposal == null) {
      return;
    }
    // MINA fills these maps holding their own lock (SessionHelper.mergeProposals)
    synchronized (proposal) {
      proposal.replaceAll((option, value) -> value == null ? null : value.intern());
    }
  }
}
