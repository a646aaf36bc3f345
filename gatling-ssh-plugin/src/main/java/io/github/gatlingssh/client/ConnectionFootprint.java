package io.github.gatlingssh.client;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * What every open connection keeps on the heap while it is held, bounded for injectors holding
 * thousands of them: buffer sizes and the session class ({@code LeanClientSession}). Applied once
 * to the client by {@link SshClientFactory}; public so that the benchmark's bare MINA client uses
 * the same.
 */
public final class ConnectionFootprint {
  /**
   * MINA's NIO2 back-end keeps one read buffer per connection, allocated when it connects and kept
   * until it closes, because an asynchronous read holds its buffer while it waits. At MINA's
   * default of 32 KiB that buffer was most of a held session's heap: a class histogram of 1,000
   * idle connections of bare MINA showed 38.6 KB of byte arrays out of 44.8 KB per connection. 8
   * KiB is still more than an SSH packet of command output usually is; larger packets are read in
   * several reads and put together by MINA's packet decoder, as they are with any buffer smaller
   * than the 32 KiB maximum packet.
   */
  public static final int READ_BUFFER_SIZE = 8 * 1024;

  private ConnectionFootprint() {}

  /**
   * Sets the per-connection sizes on {@code client}, before it starts, and its sessions to ones
   * that drop what a held connection no longer needs after its key exchange ({@code
   * LeanClientSession}).
   *
   * @param client a MINA client, not yet started
   */
  public static void apply(SshClient client) {
    CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(client, READ_BUFFER_SIZE);
    client.setSessionFactory(LeanClientSession.factory(client));
  }
}
