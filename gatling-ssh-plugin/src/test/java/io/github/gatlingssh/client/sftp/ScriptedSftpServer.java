package io.github.gatlingssh.client.sftp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * Test-only: an SFTP server that misbehaves on purpose, to prove the client against what real
 * servers rarely do. It serves one file for any path, and, by {@link Mode}: answers each batch of
 * requests (whatever has arrived) in reverse order; or answers a STAT with a truncated ATTRS; or
 * answers nothing after VERSION. One thread per channel, blocking streams: test code.
 */
final class ScriptedSftpServer extends AbstractCommandSupport {
  enum Mode {
    REVERSED,
    MALFORMED_STAT,
    SILENT
  }

  /** Batches of two or more replies sent in reverse order, all servers together. */
  static final java.util.concurrent.atomic.AtomicInteger REVERSED_BATCHES =
      new java.util.concurrent.atomic.AtomicInteger();

  private final Mode mode;
  private final byte[] file;

  private ScriptedSftpServer(Mode mode, byte[] file) {
    super("scripted-sftp", null); // MINA runs run() on a thread of its own for the channel
    this.mode = mode;
    this.file = file;
  }

  static SubsystemFactory factory(Mode mode, byte[] file) {
    return Subsystems.of("sftp", () -> new ScriptedSftpServer(mode, file));
  }

  @Override
  public void run() {
    InputStream in = getInputStream();
    try (DataInputStream req = new DataInputStream(in)) {
      Deque<byte[]> batch = new ArrayDeque<>();
      while (true) {
        byte[] m = new byte[req.readInt()];
        req.readFully(m);
        DataInputStream body = new DataInputStream(new java.io.ByteArrayInputStream(m));
        int type = body.readUnsignedByte();
        if (type == SftpMessages.INIT) {
          send(reply(SftpMessages.VERSION, -1, w -> w.writeInt(3)));
          continue;
        }
        int id = body.readInt();
        if (mode != Mode.SILENT) {
          batch.push(answer(type, id, body));
        }
        if (in.available() == 0) { // the batch is what has arrived so far: answer it backwards
          if (batch.size() > 1) {
            REVERSED_BATCHES.incrementAndGet();
          }
          while (!batch.isEmpty()) {
            send(batch.pop());
          }
        }
      }
    } catch (IOException e) {
      onExit(0);
    }
  }

  private byte[] answer(int type, int id, DataInputStream body) throws IOException {
    switch (type) {
      case SftpMessages.OPEN:
        return reply(SftpMessages.HANDLE, id, w -> writeString(w, new byte[] {'h'}));
      case SftpMessages.READ:
        {
          body.skipBytes(body.readInt()); // handle
          long offset = body.readLong();
          int len = body.readInt();
          if (offset >= file.length) {
            return status(id, 1);
          }
          int n = (int) Math.min(len, file.length - offset);
          return reply(
              SftpMessages.DATA,
              id,
              w -> {
                w.writeInt(n);
                w.write(file, (int) offset, n);
              });
        }
      case SftpMessages.STAT:
        if (mode == Mode.MALFORMED_STAT) {
          return reply(
              SftpMessages.ATTRS, id, w -> w.writeInt(FileAttributes.SIZE)); // size missing
        }
        return reply(
            SftpMessages.ATTRS,
            id,
            w -> {
              w.writeInt(FileAttributes.SIZE);
              w.writeLong(file.length);
            });
      default:
        return status(id, 0);
    }
  }

  private interface Body {
    void write(DataOutputStream w) throws IOException;
  }

  private static byte[] status(int id, int code) throws IOException {
    return reply(
        SftpMessages.STATUS,
        id,
        w -> {
          w.writeInt(code);
          writeString(w, new byte[0]);
          writeString(w, new byte[0]);
        });
  }

  private static byte[] reply(int type, int id, Body body) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream w = new DataOutputStream(b);
    w.writeByte(type);
    if (id >= 0) {
      w.writeInt(id);
    }
    body.write(w);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    new DataOutputStream(framed).writeInt(b.size());
    b.writeTo(framed);
    return framed.toByteArray();
  }

  private static void writeString(DataOutputStream w, byte[] s) throws IOException {
    w.writeInt(s.length);
    w.write(s);
  }

  private void send(byte[] m) throws IOException {
    OutputStream out = getOutputStream();
    out.write(m);
    out.flush();
  }
}
