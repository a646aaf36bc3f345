/**
 * The actions on shells and tunnels: open (a shell or a tunnel, by kind), and one action for the
 * verbs that work on an open stream (send/expect, awaitExit, close); streams are kept in the user's
 * session by kind, connection and name.
 */
package io.github.gatlingssh.action.stream;
