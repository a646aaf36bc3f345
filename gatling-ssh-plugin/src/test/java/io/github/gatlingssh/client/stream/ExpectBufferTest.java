package io.github.gatlingssh.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExpectBufferTest {

  @Test
  void eachMatchStartsWhereThePreviousEnded() {
    ExpectBuffer b = new ExpectBuffer(1000);
    b.append("$ ");
    assertThat(b.match(Pattern.compile("\\$ $"), false)).isEqualTo("$ ");
    assertThat(b.match(Pattern.compile("\\$ $"), false))
        .as("the prompt is not matched twice")
        .isNull();
    b.append("echo 42\r\n42\r\n$ ");
    // Java's $ does not match inside "\r\n": the match ends before the \r
    assertThat(b.match(Pattern.compile("(?m)^42\\r?$"), false)).isEqualTo("echo 42\r\n42");
    assertThat(b.match(Pattern.compile("\\$ $"), false)).isEqualTo("\r\n$ ");
  }

  @Test
  void unmatchedOutputIsBoundedAndTheTailKeepsTheLastCharacters() {
    ExpectBuffer b = new ExpectBuffer(100);
    for (int i = 0; i < 1000; i++) {
      b.append("line " + i + "\n");
    }
    assertThat(b.unmatched()).hasSizeLessThanOrEqualTo(100).endsWith("line 999\n");
    assertThat(b.match(Pattern.compile("line 0\\n"), false)).isNull();
    assertThat(b.tail()).endsWith("line 999\\n").hasSizeLessThanOrEqualTo(2 * ExpectBuffer.TAIL);
  }

  @Test
  void escapesAreStrippedBeforeMatchingWhenAsked() {
    ExpectBuffer b = new ExpectBuffer(1000);
    b.append("\u001b[?2004huser@host:~$ \u001b]0;title\u0007ok\u001b[0m\r\n");
    assertThat(b.match(Pattern.compile("~\\$ ok"), false)).isNull();
    assertThat(b.match(Pattern.compile("~\\$ ok"), true)).isEqualTo("user@host:~$ ok");
    // the cursor moved past the raw text of the match, escapes included
    assertThat(b.unmatched()).isEqualTo("\u001b[0m\r\n");
  }

  @Test
  void controlCharactersAreEscapedInMessages() {
    assertThat(EscapeSequences.escape("a\r\n\u001b[1mb\t\\")).isEqualTo("a\\r\\n\\x1b[1mb\\t\\\\");
  }
}
