package io.github.gatlingssh.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.apache.sshd.common.channel.RequestHandler.Result;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;

class HostKeysAnnouncementTest {

  @Test
  void replacesMinasHandlerAndKeepsTheOthers() {
    SshClient client = SshClient.setUpDefaultClient();
    assertThat(client.getGlobalRequestHandlers())
        .hasAtLeastOneElementOfType(OpenSshHostKeysHandler.class);

    HostKeysAnnouncement.install(client);

    assertThat(client.getGlobalRequestHandlers())
        .startsWith(HostKeysAnnouncement.INSTANCE)
        .hasAtLeastOneElementOfType(KeepAliveHandler.class)
        .noneMatch(OpenSshHostKeysHandler.class::isInstance);
  }

  @Test
  void takesTheAnnouncementWithoutReadingTheKeys() throws Exception {
    // not a valid key blob: MINA's handler would try to parse it
    ByteArrayBuffer keys = new ByteArrayBuffer(new byte[] {0, 0, 0, 3, 'x', 'y', 'z'});

    Result r =
        HostKeysAnnouncement.INSTANCE.process(null, OpenSshHostKeysHandler.REQUEST, false, keys);

    assertThat(r).isEqualTo(Result.Replied);
    assertThat(keys.rpos()).isZero();
  }

  @Test
  void refusesTheAnnouncementWhenAReplyIsWanted() throws Exception {
    assertThat(
            HostKeysAnnouncement.INSTANCE.process(
                null, OpenSshHostKeysHandler.REQUEST, true, new ByteArrayBuffer()))
        .isEqualTo(Result.ReplyFailure);
  }

  @Test
  void leavesOtherRequestsToTheOtherHandlers() throws Exception {
    assertThat(
            HostKeysAnnouncement.INSTANCE.process(
                null, "keepalive@openssh.com", true, new ByteArrayBuffer()))
        .isEqualTo(Result.Unsupported);
  }
}
