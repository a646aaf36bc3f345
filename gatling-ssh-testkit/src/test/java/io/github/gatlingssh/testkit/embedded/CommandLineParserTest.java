package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineParserTest {

  @Test
  void splitsOnWhitespace() {
    assertThat(CommandLineParser.split("cat  /tmp/a\t/tmp/b "))
        .containsExactly("cat", "/tmp/a", "/tmp/b");
    assertThat(CommandLineParser.split("")).isEmpty();
    assertThat(CommandLineParser.split("   ")).isEmpty();
  }

  @Test
  void singleQuotesAreLiteral() {
    assertThat(CommandLineParser.split("echo 'a \"b\" \\c'"))
        .containsExactly("echo", "a \"b\" \\c");
    assertThat(CommandLineParser.split("echo ''")).containsExactly("echo", "");
  }

  @Test
  void doubleQuotesHonourBackslashQuoteAndBackslash() {
    assertThat(CommandLineParser.split("echo \"a 'b' \\\"c\\\" \\\\ \\n\""))
        .containsExactly("echo", "a 'b' \"c\" \\ \\n");
  }

  @Test
  void quotesJoinAdjacentText() {
    assertThat(CommandLineParser.split("echo a'b c'\"d\"e")).containsExactly("echo", "ab cde");
    assertThat(CommandLineParser.split("echo a\\ b")).containsExactly("echo", "a b");
  }

  @Test
  void unterminatedQuotesAreRejected() {
    assertThatThrownBy(() -> CommandLineParser.split("echo 'a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandLineParser.split("echo \"a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
