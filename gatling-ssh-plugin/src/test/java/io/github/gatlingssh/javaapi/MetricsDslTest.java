package io.github.gatlingssh.javaapi;

import static io.github.gatlingssh.javaapi.SshDsl.ssh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gatlingssh.protocol.Metrics;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The live metrics DSL: off by default, each setting kept, each bad value refused at build time.
 */
class MetricsDslTest {

  private static SshProtocolBuilder base() {
    return ssh.host("127.0.0.1").username("u").password("p");
  }

  @Test
  void offUnlessAsked() {
    Metrics m = base().protocol().metrics();
    assertThat(m).isEqualTo(Metrics.DEFAULT);
    assertThat(m.live()).isFalse();
    assertThat(m.step()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void everySettingIsKept() {
    Metrics m =
        base()
            .prometheusEndpoint(9464)
            .influxDb("http://127.0.0.1:8086", "gatling")
            .graphite("carbon.local", 2003)
            .metricsStep(Duration.ofSeconds(10))
            .protocol()
            .metrics();
    assertThat(m)
        .isEqualTo(
            new Metrics(
                9464,
                "127.0.0.1",
                URI.create("http://127.0.0.1:8086"),
                "gatling",
                "carbon.local",
                2003,
                Duration.ofSeconds(10)));
    assertThat(m.live()).isTrue();
    assertThat(base().prometheusEndpoint("0.0.0.0", 9100).protocol().metrics().prometheusBind())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void badValuesFailAtBuildTimeSayingWhatToSet() {
    assertThatThrownBy(() -> base().prometheusEndpoint(0))
        .hasMessageContaining("prometheusEndpoint port 0 is out of range");
    assertThatThrownBy(() -> base().prometheusEndpoint(" ", 9464))
        .hasMessageContaining("needs a bind address");
    assertThatThrownBy(() -> base().influxDb("127.0.0.1:8086", "g"))
        .hasMessageContaining("influxDb needs the http(s) URL")
        .hasMessageContaining("http://127.0.0.1:8086");
    assertThatThrownBy(() -> base().influxDb("http://127.0.0.1:8086", ""))
        .hasMessageContaining("needs a database name");
    assertThatThrownBy(() -> base().influxDb("http://admin:s3cret@127.0.0.1:8086", "g"))
        .hasMessageContaining("without credentials")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> base().influxDb("http://127.0.0.1:8086/?u=admin&p=s3cret", "g"))
        .hasMessageContaining("without credentials")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> base().graphite("", 2003))
        .hasMessageContaining("graphite needs Carbon's host");
    assertThatThrownBy(() -> base().graphite("h", 70000))
        .hasMessageContaining("graphite port 70000 is out of range");
    assertThatThrownBy(() -> base().metricsStep(Duration.ofMillis(500)))
        .hasMessageContaining("metricsStep must be at least 1 s");
    assertThatThrownBy(() -> base().metricsStep(null))
        .hasMessageStartingWith("SSH protocol: metricsStep");
  }
}
