package io.github.gatlingssh.testkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedFileTest {

  @Test
  void seedFileIs333LinesOf80Bytes() {
    byte[] seed = SeedFile.content();
    assertThat(seed).hasSize(26_640);
    String text = new String(seed, StandardCharsets.US_ASCII);
    assertThat(text.split("\n", -1)).hasSize(334); // 333 lines, then "" after the last '\n'
    assertThat(text.chars().filter(c -> c != '\n').allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
  }

  @Test
  void seedFileMatchesTheFormatTheSimulationsUse() {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 333; i++) {
      expected.append(String.format("L%078d\n", i));
    }
    assertThat(new String(SeedFile.content(), StandardCharsets.US_ASCII))
        .isEqualTo(expected.toString());
  }

  @Test
  void narrowLinesKeepTheLastDigits() {
    assertThat(new String(SeedFile.lines(123, 1, 3), StandardCharsets.US_ASCII)).isEqualTo("L3\n");
    assertThat(new String(SeedFile.lines(5, 2, 2), StandardCharsets.US_ASCII)).isEqualTo("L\nL\n");
    assertThat(new String(SeedFile.lines(5, 1, 1), StandardCharsets.US_ASCII)).isEqualTo("\n");
  }
}
