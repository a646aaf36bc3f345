package io.github.gatlingssh.metrics;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The "injector" page: the injector's CPU, heap, event-loop lag and open connections over time, and
 * each request's median per step, as PNG charts (JFreeChart) inlined in one HTML file, so the page
 * opens anywhere, offline, beside Gatling's report.
 */
final class InjectorPage {
  static final String FILE_NAME = "injector.html";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 300;

  private InjectorPage() {}

  /** Writes the page into {@code directory}; returns its path. */
  static Path write(Path directory, String title, StepSeries series, double stepSeconds)
      throws IOException {
    long[] times = series.times();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Injector - ")
        .append(escape(title))
        .append(
            "</title>\n<style>body{font-family:sans-serif;margin:2em}"
                + "img{display:block;margin:1em 0}</style></head><body>\n<h1>Injector: ")
        .append(escape(title))
        .append("</h1>\n<p>One sample every ")
        .append(stepSeconds)
        .append(" s (coarser when the run outlasted ")
        .append(StepSeries.CAPACITY)
        .append(
            " samples); lag is how late Gatling's event loops, and MINA's I/O threads, ran a task"
                + " queued each step.</p>\n");
    if (times.length == 0) {
      html.append("<p>The run ended before the first sample.</p>\n");
    } else {
      String[] names = StepSeries.NAMES;
      chart(html, names[0], times, Map.of(names[0], series.column(0)));
      chart(html, names[1], times, Map.of(names[1], series.column(1)));
      chart(
          html,
          "event-loop lag and MINA I/O-thread lag (ms)",
          times,
          Map.of(names[2], series.column(2), names[5], series.column(5)));
      chart(
          html,
          "open connections and channels",
          times,
          Map.of(names[3], series.column(3), names[4], series.column(4)));
      chart(html, "response time median per request (ms)", times, series.medians());
    }
    html.append("</body></html>\n");
    Files.createDirectories(directory);
    Path page = directory.resolve(FILE_NAME);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static void chart(
      StringBuilder html, String title, long[] times, Map<String, double[]> lines)
      throws IOException {
    TimeSeriesCollection data = new TimeSeriesCollection();
    lines.forEach(
        (name, values) -> {
          TimeSeries s = new TimeSeries(name);
          for (int i = 0; i < times.length; i++) {
            if (!Double.isNaN(values[i])) {
              s.addOrUpdate(new FixedMillisecond(times[i]), values[i]);
            }
          }
          data.addSeries(s);
        });
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            title, "time", null, data, lines.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    // points as well as lines: a request seen in one step only is still visible
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    if (times.length > 1) {
      plot.getDomainAxis()
          .setRange(times[0], times[times.length - 1]); // every chart spans the whole run
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    html.append("<h2>")
        .append(escape(title))
        .append("</h2>\n<img alt=\"")
        .append(escape(title))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png.toByteArray()))
        .append("\">\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
