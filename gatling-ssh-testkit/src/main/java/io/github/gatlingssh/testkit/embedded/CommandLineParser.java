package io.github.gatlingssh.testkit.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words, a small subset of POSIX shell quoting: words are separated by
 * whitespace, {@code '...'} quotes literally, {@code "..."} quotes with {@code \"} and {@code \\}
 * escapes, and outside quotes a backslash escapes the next character. Quotes may be joined to
 * unquoted text ({@code a'b c'} is one word). No variables, globs, pipes or redirections.
 */
final class CommandLineParser {

  private CommandLineParser() {}

  /**
   * Parses a command line.
   *
   * @param line the command line as received in the exec request
   * @return the words, empty for a blank line
   * @throws IllegalArgumentException if a quote is not closed
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unexpected EOF while looking for matching `''");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\' && i + 1 < n) {
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Appends the double-quoted text starting at {@code i} to {@code word}; returns the index after
   * the closing quote.
   */
  private static int readDoubleQuoted(String line, int i, StringBuilder word) {
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unexpected EOF while looking for matching `\"'");
  }
}
