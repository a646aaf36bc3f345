/**
 * SCP requests ({@code scp(name)} in the DSL): {@link io.github.gatlingssh.action.scp.ScpAction}
 * runs one legacy SCP transfer per request on the user's connection and checks it as an SFTP
 * transfer is checked.
 */
package io.github.gatlingssh.action.scp;
