/**
 * The actions on exec channels: {@code exec} and {@code start} (one action, by verb: the command's
 * end, or the server's acceptance) and {@code awaitExit} (the end of a started command, with the
 * checks), on a common base that ends requests with the command's exit.
 */
package io.github.gatlingssh.action.exec;
