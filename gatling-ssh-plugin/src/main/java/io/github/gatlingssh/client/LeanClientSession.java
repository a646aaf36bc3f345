package io.github.gatlingssh.client;

import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.ValidateUtils;

/**
 * MINA's client session without what a held connection never reads again once its key exchange is
 * negotiated. Class histograms of held sessions showed, per connection, the payloads of both
 * SSH_MSG_KEXINIT messages (about 2 KB, which {@code AbstractSession} keeps until the next key
 * exchange overwrites them, though only {@link #performKexNegotiation()} reads them, and the key
 * exchange keeps its own copies until it completes). Installed by {@link ConnectionFootprint}
 * through MINA's {@link SessionFactory}, its extension point for session classes.
 */
final class LeanClientSession extends ClientSessionImpl {
  // the payloads of our and the server's SSH_MSG_KEXINIT, from their arrival to the negotiation
  private byte[] clientKexInit;
  private byte[] serverKexInit;

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
    ValidateUtils.checkNotNullAndNotEmpty(data, "No client KEX seed");
    synchronized (kexState) {
      clientKexInit = data.clone();
    }
  }

  @Override
  protected byte[] getClientKexData() {
    synchronized (kexState) {
      return clientKexInit == null ? null : clientKexInit.clone();
    }
  }

  @Override
  protected void setServerKexData(byte[] data) {
    ValidateUtils.checkNotNullAndNotEmpty(data, "No server KEX seed");
    synchronized (kexState) {
      serverKexInit = data.clone();
    }
  }

  @Override
  protected byte[] getServerKexData() {
    synchronized (kexState) {
      return serverKexInit == null ? null : serverKexInit.clone();
    }
  }

  /**
   * Negotiates as MINA does, then lets go of both KEXINIT payloads (the key exchange has copies; a
   * re-key sends and receives new ones before negotiating again).
   */
  @Override
  protected void performKexNegotiation() throws Exception {
    try {
      super.performKexNegotiation();
    } finally {
      synchronized (kexState) {
        clientKexInit = null;
        serverKexInit = null;
      }
    }
  }
}
