/** The tunnel's open action (direct-tcpip to host:port). */
package io.github.gatlingssh.action.tunnel;
