package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.cpu.CpuSamples;
import io.github.gatlingssh.benchmark.result.Client;
import io.github.gatlingssh.benchmark.result.RequestStats;
import io.github.gatlingssh.benchmark.result.SteadyResult;
import io.github.gatlingssh.benchmark.run.RampRun;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.imagemap.ImageMapUtils;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's pictures: PNG charts drawn by JFreeChart (as the plugin's injector page does), in
 * a directory beside an HTML page that shows them ({@code benchmark-<timestamp>.html} and {@code
 * benchmark-<timestamp>-charts/}). Phase latency against N per client, client CPU per session, the
 * steady state's step percentiles and CPU and heap over time, and the ramp run's CPU and heap over
 * time.
 */
public final class ChartsPage {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 340;
  private static final double MIB = 1.0 / (1024 * 1024);

  /** One colour per client on every chart (JFreeChart's default palette has a pale yellow). */
  private static final Map<String, Color> COLOURS =
      Map.of(
          Client.GATLING.label, new Color(0xD62728),
          Client.MINA.label, new Color(0x1F77B4),
          Client.OPENSSH.label, new Color(0x2CA02C),
          Client.GO.label, new Color(0x17BECF));

  /** White plots with grey grid lines, for every chart. */
  private static final StandardChartTheme THEME = theme();

  private static final List<Metric> PHASES =
      List.of(
          Metric.AUTH_EXECUTE,
          Metric.CLOSE_EXIT,
          Metric.EXECUTE,
          Metric.CHANNEL_READ,
          Metric.TOTAL);

  private final StringBuilder html = new StringBuilder(16 * 1024);
  private final Path images;
  private int count;

  private ChartsPage(Path images) {
    this.images = images;
  }

  /**
   * Writes the page of {@code report} to {@code file}, its images to a directory named after it
   * ({@code name-charts/} for {@code name.html}).
   */
  public static void write(Report report, Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.html?$", "");
    ChartsPage page = new ChartsPage(file.toAbsolutePath().resolveSibling(name + "-charts"));
    Files.createDirectories(page.images);
    page.render(report);
    Files.writeString(file, page.html, StandardCharsets.UTF_8);
  }

  private void render(Report report) throws IOException {
    html.append(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>gatling-ssh benchmark ")
        .append(report.timestamp())
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}")
        .append("img{display:block;margin:1em 0}</style></head><body>\n")
        .append("<h1>gatling-ssh seed workload benchmark, ")
        .append(report.timestamp())
        .append("</h1>\n<p>Figures and definitions: the Markdown report of the same name.</p>\n");
    Summary s = report.summary();
    if (!s.userCounts().isEmpty()) {
      html.append("<h2>N sessions at once (medians)</h2>\n");
      for (Metric m : PHASES) {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        ChartData.byUsers(s, m).forEach((c, points) -> lines.put(c.label, points));
        image(xy(m.label + " against N", "sessions at once (N)", "ms", lines));
      }
    }
    image(
        bars(
            "client CPU per session (whole client process)",
            "ms",
            ChartData.cpuPerSession(s, report.steady())));
    steady(report.steady());
    if (report.ramp() != null) {
      ramp(report.ramp());
    }
    html.append("</body></html>\n");
  }

  private void steady(List<SteadyResult> steady) throws IOException {
    if (steady.isEmpty()) {
      return;
    }
    html.append("<h2>Steady state</h2>\n");
    image(bars("p50 per step", "ms", ChartData.steadySteps(steady, RequestStats::p50)));
    image(bars("p95 per step", "ms", ChartData.steadySteps(steady, RequestStats::p95)));
    Map<String, List<double[]>> cpu = new LinkedHashMap<>();
    Map<String, List<double[]>> heap = new LinkedHashMap<>();
    for (SteadyResult r : steady) {
      CpuSamples samples = r.samples();
      cpu.put(r.client().label, ChartData.since(samples.cpuOverTime(1000), r.start(), 1));
      if (!samples.heapOverTime().isEmpty()) {
        heap.put(r.client().label, ChartData.since(samples.heapOverTime(), r.start(), MIB));
      }
    }
    String x = "seconds since the first session (before 0: start-up and warm-up)";
    image(xy("client CPU over time (1 s buckets)", x, "cores", cpu));
    if (!heap.isEmpty()) {
      image(xy("heap in use over time (JVM clients)", x, "MiB", heap));
    }
  }

  private void ramp(RampRun.Result ramp) throws IOException {
    html.append("<h2>Ramp (gatling-ssh, 1 to 200 concurrent users)</h2>\n<p>Gatling's report: ")
        .append(ImageMapUtils.htmlEscape(ramp.report().toString()))
        .append("</p>\n");
    String x = "seconds since the first user (before 0: JVM start, warm-up)";
    CpuSamples samples = ramp.samples();
    image(
        xy(
            "client CPU during the ramp (500 ms buckets)",
            x,
            "cores",
            Map.of(
                Client.GATLING.label, ChartData.since(samples.cpuOverTime(500), ramp.start(), 1))));
    image(
        xy(
            "heap in use during the ramp",
            x,
            "MiB",
            Map.of(
                Client.GATLING.label, ChartData.since(samples.heapOverTime(), ramp.start(), MIB))));
  }

  private static JFreeChart xy(
      String title, String xLabel, String yLabel, Map<String, List<double[]>> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    lines.forEach(
        (name, points) -> {
          XYSeries series = new XYSeries(name, false, true);
          points.forEach(p -> series.add(p[0], p[1]));
          data.addSeries(series);
        });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    THEME.apply(chart);
    // points only where there are few: the N axis has a handful, the time axis hundreds
    boolean fewPoints = lines.values().stream().allMatch(p -> p.size() <= 20);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, fewPoints);
    colourByClient(
        data.getSeriesCount(), data::getSeriesKey, (c, i) -> renderer.setSeriesPaint(i, c));
    chart.getXYPlot().setRenderer(renderer);
    return chart;
  }

  private static JFreeChart bars(
      String title, String yLabel, Map<String, Map<Client, Double>> groups) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    groups.forEach(
        (group, values) ->
            values.forEach(
                (client, v) -> data.addValue(Double.isNaN(v) ? null : v, client.label, group)));
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    THEME.apply(chart);
    CategoryItemRenderer renderer = chart.getCategoryPlot().getRenderer();
    colourByClient(data.getRowCount(), data::getRowKey, (c, i) -> renderer.setSeriesPaint(i, c));
    return chart;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("gatling-ssh benchmark");
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(Color.LIGHT_GRAY);
    theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return theme;
  }

  /** Gives each series whose key is a client's label that client's colour. */
  private static void colourByClient(
      int series, IntFunction<Comparable<?>> key, ObjIntConsumer<Color> paint) {
    for (int i = 0; i < series; i++) {
      Color colour = COLOURS.get(String.valueOf(key.apply(i)));
      if (colour != null) {
        paint.accept(colour, i);
      }
    }
  }

  /** Saves the chart as the next PNG file and shows it on the page under its title. */
  private void image(JFreeChart chart) throws IOException {
    String title = chart.getTitle().getText();
    String file = String.format(Locale.ROOT, "%02d.png", ++count);
    ChartUtils.saveChartAsPNG(images.resolve(file).toFile(), chart, WIDTH, HEIGHT);
    String src = images.getFileName() + "/" + file;
    html.append(
        String.format(
            "<h3>%1$s</h3>%n<img alt=\"%1$s\" src=\"%2$s\">%n",
            ImageMapUtils.htmlEscape(title), ImageMapUtils.htmlEscape(src)));
  }
}
