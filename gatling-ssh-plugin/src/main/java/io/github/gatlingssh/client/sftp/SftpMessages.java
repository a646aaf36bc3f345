package io.github.gatlingssh.client.sftp;

import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The SFTP version 3 wire format: message types, open flags, and the framing every request shares
 * ({@code uint32 length, byte type, uint32 id, ...}). Requests are built straight into the buffer
 * MINA writes, the length patched in at the end.
 */
final class SftpMessages {
  private SftpMessages() {}

  static final int VERSION_3 = 3;

  // client -> server
  static final int INIT = 1;
  static final int OPEN = 3;
  static final int CLOSE = 4;
  static final int READ = 5;
  static final int WRITE = 6;
  static final int LSTAT = 7;
  static final int FSTAT = 8;
  static final int OPENDIR = 11;
  static final int READDIR = 12;
  static final int REMOVE = 13;
  static final int MKDIR = 14;
  static final int RMDIR = 15;
  static final int REALPATH = 16;
  static final int STAT = 17;
  static final int RENAME = 18;

  // server -> client
  static final int VERSION = 2;
  static final int STATUS = 101;
  static final int HANDLE = 102;
  static final int DATA = 103;
  static final int NAME = 104;
  static final int ATTRS = 105;

  // SSH_FXP_OPEN pflags
  static final int FXF_READ = 0x01;
  static final int FXF_WRITE = 0x02;
  static final int FXF_CREAT = 0x08;
  static final int FXF_TRUNC = 0x10;

  /** length + type + id + string length: the header before a WRITE's data or a DATA's bytes. */
  static final int HEADER = 4 + 1 + 4;

  /** The name of a message type, for protocol-error messages. */
  static String typeName(int type) {
    return switch (type) {
      case VERSION -> "VERSION";
      case STATUS -> "STATUS";
      case HANDLE -> "HANDLE";
      case DATA -> "DATA";
      case NAME -> "NAME";
      case ATTRS -> "ATTRS";
      default -> "type " + type;
    };
  }

  /**
   * Starts a request: room for the length, then type and id. {@link #finish} patches the length.
   */
  static Buffer start(int type, int id, int payloadHint) {
    Buffer b = new ByteArrayBuffer(HEADER + payloadHint + 16, false);
    b.putInt(0);
    b.putByte((byte) type);
    b.putInt(id);
    return b;
  }

  /** Patches the length field: the bytes after it. */
  static Buffer finish(Buffer b) {
    int end = b.wpos();
    b.wpos(b.rpos());
    b.putInt(end - b.rpos() - 4);
    b.wpos(end);
    return b;
  }

  /** A request whose only argument is one string: a path or a handle. */
  static Buffer pathRequest(int type, int id, byte[] arg) {
    Buffer b = start(type, id, 4 + arg.length);
    b.putBytes(arg);
    return finish(b);
  }

  /** Puts an empty ATTRS structure (flags 0): the server's defaults. */
  static void putEmptyAttrs(Buffer b) {
    b.putInt(0);
  }

  /** SSH_FXP_INIT: no id, only the version. */
  static Buffer init() {
    Buffer b = new ByteArrayBuffer(16, false);
    b.putInt(5);
    b.putByte((byte) INIT);
    b.putInt(VERSION_3);
    return b;
  }
}
