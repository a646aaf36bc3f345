/**
 * The embedded SSH server ({@link io.github.gatlingssh.testkit.embedded.EmbeddedSshServer}): Apache
 * MINA SSHD in the test's JVM, with in-JVM commands and fault hooks ({@link
 * io.github.gatlingssh.testkit.embedded.Faults}). Its commands:
 *
 * <table>
 * <caption>Commands</caption>
 * <tr><td>{@code cat FILE...}</td><td>file contents (cached in memory); without FILE, copies
 * stdin. Relative names resolve in {@link EmbeddedSshServer#dataDir()}; files outside {@link
 * EmbeddedSshServerBuilder#readableRoot} are refused</td></tr>
 * <tr><td>{@code echo [-n] ARGS...}</td><td>the words joined with spaces, and a newline</td></tr>
 * <tr><td>{@code err TEXT...}</td><td>like echo, to stderr; exit status 0</td></tr>
 * <tr><td>{@code true}, {@code false}, {@code exit N}</td><td>exit status 0, 1, N</td></tr>
 * <tr><td>{@code sleep SECONDS}</td><td>exits 0 after the delay (decimals allowed)</td></tr>
 * <tr><td>{@code lines N [WIDTH]}</td><td>N numbered lines of WIDTH bytes (default 80), in the
 * {@link SeedFile} format</td></tr>
 * <tr><td>{@code bytes N}</td><td>N bytes of 80-byte text lines, with back-pressure (a flood of
 * any size in constant memory)</td></tr>
 * <tr><td>{@code binary N}</td><td>N bytes that are not valid UTF-8</td></tr>
 * <tr><td>{@code signal NAME}</td><td>ends with {@code exit-signal} NAME (e.g. KILL) and no exit
 * status</td></tr>
 * <tr><td>{@code hang}</td><td>never ends until the channel is closed</td></tr>
 * <tr><td>{@code channels}</td><td>the number of session channels open on this connection, this
 * one included (to see that a client closed the others)</td></tr>
 * <tr><td>{@code scp -t PATH}, {@code scp -f PATH}</td><td>MINA's scp command: receives or sends
 * a file, PATH resolved in {@link EmbeddedSshServer#dataDir()} (which it sees as "/")</td></tr>
 * <tr><td>anything else</td><td>stderr {@code "CMD: command not found"}, exit status 127</td></tr>
 * </table>
 *
 * <p>Quoting follows the shell for {@code '...'}, {@code "..."} and backslashes; there are no
 * pipes, variables or globs. Exec requests are served, and the {@code "sftp"} subsystem (MINA's
 * SftpSubsystem, rooted in {@link EmbeddedSshServer#dataDir()}; off with {@link
 * EmbeddedSshServerBuilder#sftp(boolean)}).
 */
package io.github.gatlingssh.testkit.embedded;
