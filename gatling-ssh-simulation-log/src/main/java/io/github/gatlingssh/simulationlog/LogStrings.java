package io.github.gatlingssh.simulationlog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Strings as Gatling 3.13+ writes them: {@code int length}, then, if the length is not 0, the bytes
 * of {@code String.value} and the {@code coder} byte (0 = LATIN1, 1 = UTF-16 in the native byte
 * order). Gatling's reader rebuilds the String from those internals without decoding, so this codec
 * writes what the JDK itself would hold: LATIN1 whenever every char fits in a byte (a UTF-16 string
 * of Latin-1 chars would not even be {@code equals} to the same text).
 */
final class LogStrings {
  private static final Charset NATIVE_UTF_16 =
      ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN
          ? StandardCharsets.UTF_16BE
          : StandardCharsets.UTF_16LE;
  private static final byte LATIN1 = 0;
  private static final byte UTF16 = 1;

  private LogStrings() {}

  static String read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == 0) {
      return "";
    }
    if (length < 0) {
      throw new IOException("negative string length " + length);
    }
    byte[] value = in.readNBytes(length);
    if (value.length < length) {
      throw new EOFException();
    }
    byte coder = in.readByte();
    return switch (coder) {
      case LATIN1 -> new String(value, StandardCharsets.ISO_8859_1);
      case UTF16 -> new String(value, NATIVE_UTF_16);
      default -> throw new IOException("unknown string coder " + coder);
    };
  }

  static void write(DataOutputStream out, String s) throws IOException {
    if (s.isEmpty()) {
      out.writeInt(0);
      return;
    }
    boolean latin1 = s.chars().allMatch(c -> c <= 0xFF);
    byte[] value = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : NATIVE_UTF_16);
    out.writeInt(value.length);
    out.write(value);
    out.writeByte(latin1 ? LATIN1 : UTF16);
  }
}
