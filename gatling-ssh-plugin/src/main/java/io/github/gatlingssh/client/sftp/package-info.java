/**
 * A non-blocking, pipelined SFTP client: protocol version 3 (draft-ietf-secsh-filexfer-02, the
 * version OpenSSH's {@code sftp-server} speaks) over a MINA SSHD {@code "sftp"} subsystem channel
 * with asynchronous streams.
 *
 * <p>Why hand-written: MINA SSHD's own {@code SftpClient} is blocking only (every call holds a
 * thread until the server answers, and opening it waits on the channel), and no well-kept
 * non-blocking SFTP library exists for the JVM. A load generator must run hundreds of transfers at
 * once without a thread each, so this package speaks the protocol itself: every request is a
 * message with an id, many are in flight on one channel, replies are matched by id in any order,
 * and nothing here ever waits. Callbacks run on MINA's I/O threads (socket) and on a small shared
 * pool for local file I/O; futures returned by this package complete there, so callers hop to their
 * own thread before doing anything slow. The one exception: a transfer from or to a local file
 * opens it (open(2), fstat(2)) on the thread that starts the transfer.
 *
 * <p>Transfers are pipelined as OpenSSH's {@code sftp} does it: up to {@link
 * io.github.gatlingssh.client.sftp.SftpSettings#maxRequests()} read or write requests of {@link
 * io.github.gatlingssh.client.sftp.SftpSettings#chunkSize()} bytes in flight, at explicit offsets.
 */
package io.github.gatlingssh.client.sftp;
