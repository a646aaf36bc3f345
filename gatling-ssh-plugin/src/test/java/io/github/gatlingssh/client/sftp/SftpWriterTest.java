package io.github.gatlingssh.client.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.channel.IoWriteFutureImpl;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;
import org.junit.jupiter.api.Test;

/** How the writer cuts and merges messages into MINA writes. */
class SftpWriterTest {
  private static final int PACKET = 32 * 1024;

  /** Records each write; completes it only when told, as MINA does once the packet is out. */
  private static final class RecordingOut extends AbstractCloseable implements IoOutputStream {
    final List<byte[]> writes = new ArrayList<>();
    final List<IoWriteFutureImpl> futures = new ArrayList<>();

    @Override
    public IoWriteFuture writeBuffer(Buffer buffer) {
      writes.add(buffer.getCompactData());
      IoWriteFutureImpl f = new IoWriteFutureImpl(writes.size(), buffer);
      futures.add(f);
      return f;
    }

    /** Completes writes until none is pending. */
    void completeAll() {
      for (int i = 0; i < futures.size(); i++) {
        if (!futures.get(i).isDone()) {
          futures.get(i).setValue(Boolean.TRUE);
        }
      }
    }

    byte[] all() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writes.forEach(out::writeBytes);
      return out.toByteArray();
    }
  }

  /** A WRITE-sized message: 32 KiB of data and 29 bytes of header, filled with {@code tag}. */
  private static Buffer message(int size, int tag) {
    byte[] b = new byte[size];
    java.util.Arrays.fill(b, (byte) tag);
    return new ByteArrayBuffer(b);
  }

  private static SftpWriter writer(RecordingOut out) {
    return new SftpWriter(out, () -> PACKET, () -> false, e -> {});
  }

  @Test
  void aMessageAloneIsCutIntoPackets() {
    RecordingOut out = new RecordingOut();
    SftpWriter w = writer(out);

    w.write(message(PACKET + 29, 1));
    out.completeAll();

    assertThat(out.writes).extracting(b -> b.length).containsExactly(PACKET, 29);
  }

  @Test
  void messagesWaitingBehindAWriteAreSentBackToBackInFullPackets() {
    RecordingOut out = new RecordingOut();
    SftpWriter w = writer(out);
    int size = PACKET + 29;
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 8; i++) {
      Buffer m = message(size, i);
      expected.writeBytes(m.getCompactData());
      w.write(m); // the first starts writing; the next 7 wait behind its first packet
    }
    out.completeAll();

    // the first message: 2 writes; the 7 merged (7 x 32797 bytes): 7 full packets and a tail
    assertThat(out.writes).extracting(b -> b.length).allMatch(n -> n <= PACKET);
    assertThat(out.writes).hasSize(2 + 8);
    assertThat(out.all()).isEqualTo(expected.toByteArray());
  }

  @Test
  void smallMessagesAreMergedAndOrderIsKept() {
    RecordingOut out = new RecordingOut();
    SftpWriter w = writer(out);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      Buffer m = message(25, i);
      expected.writeBytes(m.getCompactData());
      w.write(m);
    }
    out.completeAll();

    assertThat(out.writes).hasSize(2); // the first, then the 99 that queued behind it
    assertThat(out.all()).isEqualTo(expected.toByteArray());
  }

  @Test
  void nothingMergedPastTheBatchLimit() {
    RecordingOut out = new RecordingOut();
    SftpWriter w = writer(out);
    int count = 2 + SftpWriter.BATCH / (PACKET + 29) * 2;
    for (int i = 0; i < count; i++) {
      w.write(message(PACKET + 29, i));
    }
    out.completeAll();

    int total = out.writes.stream().mapToInt(b -> b.length).sum();
    assertThat(total).isEqualTo(count * (PACKET + 29));
    assertThat(out.writes).extracting(b -> b.length).allMatch(n -> n <= PACKET);
  }
}
