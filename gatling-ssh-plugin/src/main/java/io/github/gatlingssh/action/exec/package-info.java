/**
 * The actions on exec channels: {@code exec} (one request from channel open to close), {@code
 * start} (OK when the server accepted the command) and {@code awaitExit} (the command's end, with
 * the checks), on a common base that starts commands and ends requests with the command's exit.
 */
package io.github.gatlingssh.action.exec;
