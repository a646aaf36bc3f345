/**
 * What every channel gatling-ssh opens shares: {@link
 * io.github.gatlingssh.client.channel.SshChannel} (registration with the connection, open refusal,
 * "connection lost" versus the step's own failure, the want-reply answer, deadlines that close the
 * channel) and {@link io.github.gatlingssh.client.channel.RequestReplyListener}, through which
 * MINA's session channels report the answer to their exec, subsystem or shell request. Each channel
 * type lives in its own sibling package on this base: {@code exec} today, then subsystem (SFTP),
 * shell (PTY + shell) and direct-tcpip.
 */
package io.github.gatlingssh.client.channel;
