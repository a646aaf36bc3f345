/** The shell's open action (PTY + shell). */
package io.github.gatlingssh.action.shell;
