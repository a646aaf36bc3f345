/**
 * Interactive shells: a session channel with a PTY and a shell request (want-reply), on the
 * streaming channel base.
 */
package io.github.gatlingssh.client.shell;
