/**
 * Host key verification: {@link io.github.gatlingssh.client.hostkey.HostKeyPolicy} and its policies
 * (strict known_hosts, pinned fingerprints, the explicit accept-any opt-out). They run on MINA's
 * I/O threads during key exchange and never block.
 */
package io.github.gatlingssh.client.hostkey;
