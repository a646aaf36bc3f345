/**
 * Exec channels: {@link io.github.gatlingssh.client.exec.RemoteCommand} runs one command on a
 * {@code ChannelExecWithReply} (MINA's {@code ChannelExec} that reports the want-reply answer),
 * streams stdout and stderr into bounded collectors and reports how it ended ({@link
 * io.github.gatlingssh.client.exec.CommandResult}).
 */
package io.github.gatlingssh.client.exec;
