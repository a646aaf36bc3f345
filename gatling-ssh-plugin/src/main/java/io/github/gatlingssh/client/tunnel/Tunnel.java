package io.github.gatlingssh.client.tunnel;

import io.github.gatlingssh.client.Durations;
import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import io.github.gatlingssh.client.stream.StreamChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A direct-tcpip channel: the server connects to {@code host:port} on the user's behalf and the
 * channel carries the bytes both ways (what {@code ssh -L} does for one connection). Ready when the
 * server confirmed the open, i.e. when its TCP connect succeeded.
 */
public final class Tunnel extends StreamChannel<ChannelDirectTcpip> {
  // the originator address sent in the open request; servers only log it
  private static final SshdSocketAddress ORIGINATOR = new SshdSocketAddress("127.0.0.1", 0);

  private final String target;

  private Tunnel(
      ClientSession session,
      ScheduledExecutorService timer,
      String target,
      Charset charset,
      int maxOutputLength) {
    super(session, timer, SshFailure.Step.TUNNEL, charset, maxOutputLength);
    this.target = target;
  }

  /**
   * Asks the server to connect to {@code host:port}; never throws (failures come through the
   * futures).
   */
  public static Tunnel open(
      ClientSession session,
      ScheduledExecutorService timer,
      String host,
      int port,
      Charset charset,
      int maxOutputLength) {
    Tunnel tunnel = new Tunnel(session, timer, host + ":" + port, charset, maxOutputLength);
    ChannelDirectTcpip ch = new ChannelDirectTcpip(ORIGINATOR, new SshdSocketAddress(host, port));
    ch.setStreaming(StreamingChannel.Streaming.Async);
    tunnel.open(ch, false);
    return tunnel;
  }

  @Override
  protected SshFailure closedBeforeReady() {
    return failure(
        step(),
        "channel to " + target + " closed before the server confirmed it",
        "the connection closed before the tunnel to " + target + " opened");
  }

  /**
   * Completes when the server connected to the target; within {@code timeout} from now, else the
   * channel is closed. A refusal reads "tunnel: to host:port refused by server (...)".
   */
  @Override
  public CompletableFuture<Void> opened(Duration timeout) {
    return within(
            streaming(),
            timeout,
            "the server did not open the tunnel to "
                + target
                + " within "
                + Durations.format(timeout))
        .exceptionallyCompose(
            t -> {
              SshFailure f = SshRequestException.unwrap(t, SshFailure.Step.TUNNEL);
              if (f.step() == SshFailure.Step.CHANNEL_OPEN) {
                f = new SshFailure(SshFailure.Step.TUNNEL, "to " + target + " " + f.detail());
              }
              return CompletableFuture.failedFuture(new SshRequestException(f));
            });
  }
}
