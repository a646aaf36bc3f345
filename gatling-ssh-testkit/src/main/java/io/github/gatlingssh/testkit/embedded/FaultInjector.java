package io.github.gatlingssh.testkit.embedded;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link Faults} to each connection of an {@link EmbeddedSshServer} customised with {@link
 * Faults#injector()}: at accept time ({@link Faults.Phase#BANNER}, called by {@link
 * EmbeddedSessionFactory}), right after the client's KEXINIT (found in the byte stream by the
 * connection's {@link InputGate}) and on its first USERAUTH_REQUEST (called by {@link
 * FaultyUserAuthService}). Every connection of a faulty server gets an {@link InputGate}.
 */
final class FaultInjector {

  /**
   * What goes on after a fault let a connection proceed, e.g. starting MINA's session; may throw.
   */
  @FunctionalInterface
  interface Continuation {
    void run() throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
  private static final Object GATE = new Object(); // IoSession attribute key

  private final Faults faults;
  private final ScheduledExecutorService scheduler;

  FaultInjector(Faults faults, ScheduledExecutorService scheduler) {
    this.faults = faults;
    this.scheduler = scheduler;
  }

  Faults faults() {
    return faults;
  }

  /**
   * The customiser of {@link Faults#injector()}: every connection of {@code server} goes through a
   * new injector on the server's timer thread; authentication faults replace MINA's user auth
   * service.
   */
  static Consumer<SshServer> customizer(Faults faults) {
    return server -> {
      if (faults.isEmpty()) {
        return;
      }
      FaultInjector injector = new FaultInjector(faults, server.getScheduledExecutorService());
      server.setSessionFactory(new EmbeddedSessionFactory(server, injector));
      if (faults.at(Faults.Phase.AUTH).isPresent()) {
        // MINA's defaults (ServerBuilder), with the user auth service replaced
        server.setServiceFactories(
            List.of(
                FaultyUserAuthService.factory(injector), ServerConnectionServiceFactory.INSTANCE));
      }
    };
  }

  /**
   * A connection was accepted: gives it a gate and starts its SSH session, unless the banner fault
   * says otherwise.
   */
  void accepted(IoSession ioSession, InputGate.Sink sink, Continuation startSession)
      throws Exception {
    InputGate gate = new InputGate(ioSession, sink, scheduler);
    ioSession.setAttribute(GATE, gate);
    faults
        .at(Faults.Phase.KEX)
        .ifPresent(
            f ->
                gate.afterClientKexInit(
                    () -> {
                      AbstractSession session = AbstractSession.getSession(ioSession, true);
                      if (session != null) {
                        apply(f, Faults.Phase.KEX, session, null);
                      }
                    }));
    Faults.Fault fault = faults.at(Faults.Phase.BANNER).orElse(null);
    if (fault == null) {
      startSession.run();
      return;
    }
    LOG.debug("Fault {} at the banner of {}", fault.kind(), ioSession);
    switch (fault.kind()) {
      case CLOSE -> gate.dropAndClose("fault CLOSE at BANNER");
      case STALL -> gate.drop();
      case DELAY ->
          gate.hold(
              fault.delay(),
              () -> {
                if (ioSession.isOpen() && !ioSession.isClosing()) {
                  run(startSession, ioSession);
                }
              });
      default -> throw new IllegalStateException("unsupported at BANNER: " + fault);
    }
  }

  /** The gate of a connection of this server, or null if it has none. */
  static InputGate gate(IoSession ioSession) {
    return ioSession == null ? null : (InputGate) ioSession.getAttribute(GATE);
  }

  /**
   * The first USERAUTH_REQUEST arrived.
   *
   * @param handle handles the request normally
   * @return whether the caller must handle the request now, as usual
   */
  boolean authRequest(Session session, Continuation handle) {
    Faults.Fault fault = faults.at(Faults.Phase.AUTH).orElse(null);
    if (fault == null) {
      return true;
    }
    apply(fault, Faults.Phase.AUTH, session, handle);
    return false;
  }

  /**
   * Applies a KEX or AUTH fault while MINA handles the message that triggered it; {@code
   * triggering} handles that message (null if MINA handles it anyway).
   */
  private void apply(
      Faults.Fault fault, Faults.Phase phase, Session session, Continuation triggering) {
    IoSession ioSession = session.getIoSession();
    InputGate gate = gate(ioSession);
    if (gate == null) {
      return;
    }
    LOG.debug("Fault {} at {} of {}", fault.kind(), phase, session);
    switch (fault.kind()) {
      case CLOSE -> gate.dropAndClose("fault CLOSE at " + phase);
      case DISCONNECT -> {
        gate.drop();
        later(
            () -> {
              // RFC 4253 section 11.1; then hang up as for CLOSE (MINA's own disconnect() closes
              // at once, which a client can see as a reset that loses the message)
              Buffer goodbye = session.createBuffer(SshConstants.SSH_MSG_DISCONNECT, 64);
              goodbye.putUInt(SshConstants.SSH2_DISCONNECT_BY_APPLICATION);
              goodbye.putString(Faults.DISCONNECT_MESSAGE);
              goodbye.putString(""); // language tag
              session
                  .writePacket(goodbye)
                  .addListener(f -> gate.dropAndClose("fault DISCONNECT at " + phase));
            },
            ioSession);
      }
      case STALL -> gate.drop(); // the triggering message (if ours to handle) is never answered
      case DELAY ->
          gate.hold(fault.delay(), triggering == null ? null : () -> run(triggering, ioSession));
      default -> throw new IllegalStateException("unsupported: " + fault);
    }
  }

  /** Runs {@code continuation} on the scheduler, once MINA has handled the current message. */
  private void later(Continuation continuation, IoSession ioSession) {
    try {
      scheduler.execute(() -> run(continuation, ioSession));
    } catch (RejectedExecutionException e) {
      ioSession.close(true); // the server is stopping
    }
  }

  /** Runs {@code continuation} as MINA would (flagged internal: writes queue during a KEX). */
  private static void run(Continuation continuation, IoSession ioSession) {
    try {
      MinaInternal.run(continuation::run);
    } catch (IOException e) {
      LOG.debug("Fault step on {} failed: {}", ioSession, String.valueOf(e));
      ioSession.close(true);
    } catch (Exception e) {
      LOG.warn("Fault step on {} failed", ioSession, e);
      ioSession.close(true);
    }
  }
}
