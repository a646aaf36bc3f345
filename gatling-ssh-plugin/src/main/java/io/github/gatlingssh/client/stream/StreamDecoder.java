package io.github.gatlingssh.client.stream;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a channel's output as it arrives, packet by packet: a multi-byte character split across
 * two packets is carried over; malformed input becomes U+FFFD. Confined to MINA's read callbacks
 * (one at a time, in order) under its owner's lock.
 */
final class StreamDecoder {
  private final CharsetDecoder decoder;
  private byte[] carry = new byte[0];

  StreamDecoder(Charset charset) {
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  CharSequence decode(byte[] data, int off, int len) {
    ByteBuffer in;
    if (carry.length == 0) {
      in = ByteBuffer.wrap(data, off, len);
    } else {
      in = ByteBuffer.allocate(carry.length + len);
      in.put(carry).put(data, off, len).flip();
    }
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, out, false);
    carry = new byte[in.remaining()];
    in.get(carry);
    return out.flip();
  }
}
