package io.github.gatlingssh.client.stream;

/**
 * How a streaming channel ended: for a shell, the exit status or signal of the shell (both null for
 * a tunnel, or a shell closed without one).
 *
 * @param exitStatus the exit status, or null
 * @param exitSignal the signal name without "SIG", or null
 * @param output the output received since the last match (at most maxOutputLength characters)
 */
public record StreamEnd(Integer exitStatus, String exitSignal, String output) {}
