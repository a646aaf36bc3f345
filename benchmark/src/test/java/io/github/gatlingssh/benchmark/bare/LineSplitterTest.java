package io.github.gatlingssh.benchmark.bare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gatlingssh.testkit.embedded.SeedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  @Test
  void splitsLinesAcrossChunks() {
    List<String> lines = new ArrayList<>();
    LineSplitter s = new LineSplitter(lines::add);
    byte[] data = "ab\ncd\nef".getBytes(StandardCharsets.UTF_8);

    s.feed(data, 0, 4);
    s.feed(data, 4, 3);
    s.feed(data, 7, 1);
    s.finish();

    assertThat(lines).containsExactly("ab", "cd", "ef");
    assertThat(s.lines()).isEqualTo(3);
    assertThat(s.bytes()).isEqualTo(8);
  }

  @Test
  void theSeedFileIs333LinesOf80Bytes() {
    List<String> lines = new ArrayList<>();
    LineSplitter s = new LineSplitter(lines::add);
    byte[] seed = SeedFile.content();
    for (int off = 0; off < seed.length; off += 1000) {
      s.feed(seed, off, Math.min(1000, seed.length - off));
    }
    s.finish();

    assertThat(s.lines()).isEqualTo(SeedFile.LINE_COUNT);
    assertThat(s.bytes()).isEqualTo(SeedFile.SIZE);
    assertThat(lines.get(332)).isEqualTo("L" + "0".repeat(75) + "332");
  }
}
