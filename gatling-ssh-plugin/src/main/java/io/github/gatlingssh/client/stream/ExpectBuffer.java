package io.github.gatlingssh.client.stream;

import io.github.gatlingssh.client.SshFailure;
import io.github.gatlingssh.client.SshRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decoded output of a streaming channel, as expect(1) sees it: a cursor marks the end of the
 * previous match, and each expect matches only what came after it. Memory stays bounded: at most
 * {@code maxLength} characters after the cursor (older ones are dropped, so a flood cannot grow it)
 * plus the {@link #TAIL} characters before it, kept for KO messages. Not thread-safe: its owner
 * locks.
 */
final class ExpectBuffer {
  private static final int KO_MESSAGE_LIMIT = 200;
  private static final int MIN_TAIL = 40;

  /** How many of the last characters received a KO message shows. */
  static final int TAIL = 200;

  private final int maxLength;
  private final StringBuilder text = new StringBuilder();
  private int cursor;

  ExpectBuffer(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Appends output; past {@code maxLength} unmatched characters, the oldest are skipped. */
  void append(CharSequence chars) {
    text.append(chars);
    int unmatched = text.length() - cursor;
    if (unmatched > maxLength) {
      cursor += unmatched - maxLength;
    }
    trim();
  }

  /**
   * Matches {@code pattern} against the output since the cursor (the region's bounds anchor {@code
   * ^} and {@code $}); on a match, moves the cursor past it and returns the text from the old
   * cursor up to and including the match, else returns null and changes nothing.
   *
   * @param stripEscapes match on the text without terminal escape sequences (and return it so)
   */
  String match(Pattern pattern, boolean stripEscapes) {
    if (stripEscapes) {
      EscapeSequences.Stripped s = EscapeSequences.strip(text, cursor);
      Matcher m = pattern.matcher(s.text());
      if (!m.find()) {
        return null;
      }
      cursor = s.rawEnd(m.end(), cursor);
      trim();
      return s.text().substring(0, m.end());
    }
    Matcher m = pattern.matcher(text).region(cursor, text.length());
    if (!m.find()) {
      return null;
    }
    String matched = text.substring(cursor, m.end());
    cursor = m.end();
    trim();
    return matched;
  }

  /** The output since the cursor, not matched yet. */
  String unmatched() {
    return text.substring(cursor);
  }

  /** The last {@link #TAIL} characters received, escaped for a one-line message. */
  String tail() {
    return EscapeSequences.escape(
        text.subSequence(Math.max(0, text.length() - TAIL), text.length()));
  }

  private void trim() {
    if (cursor > TAIL) {
      text.delete(0, cursor - TAIL);
      cursor = TAIL;
    }
  }

  /**
   * The KO of an expect that found no match: the end of the output, cut to fit Gatling's message.
   */
  static SshRequestException noMatch(Pattern p, String why, String tail) {
    String head = "no match for /" + p.pattern() + "/ " + why + "; last output: ";
    // Gatling keeps the first 200 characters of a KO message: the end of the output is what
    // tells why nothing matched, so the tail is cut from its start to fit
    int room =
        Math.max(
            MIN_TAIL,
            KO_MESSAGE_LIMIT - SshFailure.Step.EXPECT.label().length() - 2 - head.length());
    String shown = tail.length() <= room ? tail : "..." + tail.substring(tail.length() - room + 3);
    return new SshRequestException(new SshFailure(SshFailure.Step.EXPECT, head + shown));
  }
}
