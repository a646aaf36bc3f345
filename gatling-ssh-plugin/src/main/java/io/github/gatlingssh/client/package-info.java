/**
 * The asynchronous SSH layer over MINA SSHD: {@link io.github.gatlingssh.client.SshConnector} (one
 * MINA client per protocol, connect + key exchange + host key check + authentication, bounded by
 * the connect timeout), {@link io.github.gatlingssh.client.SshConnection} (a virtual user's
 * authenticated connection, on which channels open), failures as values ({@link
 * io.github.gatlingssh.client.SshFailure}: what failed and where) and {@link
 * io.github.gatlingssh.client.Deadline}, the one place that enforces request timeouts. Channels
 * live in sub-packages by channel type, as in MINA's {@code client/channel}: {@code channel} (the
 * shared base), {@code exec}; host key policies in {@code hostkey}. Nothing here blocks a MINA I/O
 * thread or a Gatling thread.
 */
package io.github.gatlingssh.client;
