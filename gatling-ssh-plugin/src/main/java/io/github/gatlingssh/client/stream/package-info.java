/**
 * The streaming channel base shared by shells and tunnels: an always-pending read loop, a bounded
 * expect buffer with a cursor (as expect(1)), queued non-blocking writes, EOF and close.
 */
package io.github.gatlingssh.client.stream;
