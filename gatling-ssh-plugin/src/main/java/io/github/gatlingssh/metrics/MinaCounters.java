package io.github.gatlingssh.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Counts the run's open SSH connections and channels and its successful connects, from MINA's own
 * events: no action has to report them, and a connection a user never closed is still counted. Runs
 * on MINA's I/O threads: counters only.
 */
final class MinaCounters {
  private static final AttributeRepository.AttributeKey<Boolean> OPEN =
      new AttributeRepository.AttributeKey<>();

  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger channels = new AtomicInteger();
  final LongAdder connects = new LongAdder();

  final SessionListener sessionListener =
      new SessionListener() {
        @Override
        public void sessionCreated(Session session) {
          connections.incrementAndGet();
        }

        @Override
        public void sessionEvent(Session session, Event event) {
          if (event == Event.Authenticated) {
            connects.increment();
          }
        }

        @Override
        public void sessionClosed(Session session) {
          connections.decrementAndGet();
        }
      };

  final ChannelListener channelListener =
      new ChannelListener() {
        @Override
        public void channelOpenSuccess(Channel channel) {
          channel.setAttribute(OPEN, Boolean.TRUE);
          channels.incrementAndGet();
        }

        @Override
        public void channelClosed(Channel channel, Throwable reason) {
          // closed is also signalled for channels whose open failed: count only those that opened
          if (channel.removeAttribute(OPEN) != null) {
            channels.decrementAndGet();
          }
        }
      };
}
