package io.github.gatlingssh.client;

/**
 * When a connection passed each phase of its handshake, as {@link System#nanoTime()} (Gatling's
 * clock is monotonic too, from its own origin: the action maps these onto it from its start), for
 * {@code timePhases()}, which logs TCP connect, key exchange and authentication apart.
 *
 * @param tcpConnected the TCP connection was established (MINA created the session)
 * @param keyEstablished the key exchange ended (NEWKEYS), the host key having been checked
 * @param authenticated the server accepted the authentication
 */
public record HandshakeTimes(long tcpConnected, long keyEstablished, long authenticated) {}
