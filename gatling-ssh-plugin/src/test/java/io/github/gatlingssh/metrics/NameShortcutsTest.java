package io.github.gatlingssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.graphite.Graphite;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.influx.InfluxNamingConvention;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts taken on names (Graphite's sanitizer, InfluxDB's convention) give the libraries'
 * own names.
 */
class NameShortcutsTest {

  /** Dropwizard's own sanitizer, reached through a subclass. */
  private static final class Dropwizard extends Graphite {
    Dropwizard() {
      super("127.0.0.1", 2003);
    }

    String reference(String s) {
      return sanitize(s);
    }
  }

  @Test
  void graphiteSanitizerGivesDropwizardsResult() {
    Dropwizard dropwizard = new Dropwizard();
    OneWarningGraphite ours = new OneWarningGraphite("127.0.0.1", 2003);
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "gatlingSshRequests.request.echo.status.OK.count",
                "12.50",
                " padded ",
                "a  b\tc\nd",
                "\u0001ctl",
                "",
                "   "));
    Random random = new Random(11);
    String alphabet = "ab. \t\n\r\u000b\f_-\u0000é";
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(s.toString());
    }
    for (String s : inputs) {
      assertThat(ours.sanitize(s)).as("[%s]", s).isEqualTo(dropwizard.reference(s));
    }
    // nothing to change: the same string, no copy
    String clean = "gatlingSshRequests.request.echo.m1_rate";
    assertThat(ours.sanitize(clean)).isSameAs(clean);
  }

  @Test
  void memoizedConventionGivesTheDelegatesNamesConvertingEachOnce() {
    AtomicInteger calls = new AtomicInteger();
    NamingConvention influx = new InfluxNamingConvention();
    NamingConvention counting =
        new NamingConvention() {
          @Override
          public String name(String name, Meter.Type type, String baseUnit) {
            calls.incrementAndGet();
            return influx.name(name, type, baseUnit);
          }

          @Override
          public String tagKey(String key) {
            calls.incrementAndGet();
            return influx.tagKey(key);
          }

          @Override
          public String tagValue(String value) {
            calls.incrementAndGet();
            return influx.tagValue(value);
          }
        };
    MemoizedNamingConvention memoized = new MemoizedNamingConvention(counting);
    for (int round = 0; round < 3; round++) {
      assertThat(memoized.name("gatling.ssh.response.time", Meter.Type.TIMER, "seconds"))
          .isEqualTo(influx.name("gatling.ssh.response.time", Meter.Type.TIMER, "seconds"));
      assertThat(memoized.name("gatling.ssh.response.time", Meter.Type.GAUGE, null))
          .isEqualTo(influx.name("gatling.ssh.response.time", Meter.Type.GAUGE, null));
      assertThat(memoized.tagKey("request name")).isEqualTo(influx.tagKey("request name"));
      assertThat(memoized.tagValue("close, and exit=0"))
          .isEqualTo(influx.tagValue("close, and exit=0"));
    }
    assertThat(calls).hasValue(4);
  }
}
