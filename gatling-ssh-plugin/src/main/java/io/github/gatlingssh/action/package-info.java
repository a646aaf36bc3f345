/**
 * Gatling's side of each SSH request: {@link io.github.gatlingssh.action.JavaRequestAction} (the
 * Scala trait plumbing of a Java {@code RequestAction}), {@link
 * io.github.gatlingssh.action.SshAction} (request logging, exactly once, and the hop back to the
 * virtual user's event loop), the connection's own actions (connect, disconnect), the DSL's
 * attributes and the state a virtual user keeps in its session. Actions on a channel type live in
 * sub-packages, as gatling-http's {@code action/ws} and {@code action/sse}: {@code exec}.
 */
package io.github.gatlingssh.action;
