/**
 * The actions shared by shells and tunnels (send/expect, awaitExit, close) and their base: streams
 * kept in the user's session by kind, connection and name.
 */
package io.github.gatlingssh.action.stream;
