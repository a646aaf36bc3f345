/**
 * Tunnels: direct-tcpip channels (the server connects to host:port for the user), on the streaming
 * channel base.
 */
package io.github.gatlingssh.client.tunnel;
