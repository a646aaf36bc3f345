package io.github.gatlingssh.action.sftp;

import io.gatling.core.check.Check;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.internal.CoreCheckType;
import io.github.gatlingssh.check.SftpChecks;
import io.github.gatlingssh.check.SftpResponse;
import io.github.gatlingssh.client.sftp.DownloadSink;
import io.github.gatlingssh.protocol.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What SFTP and SCP requests share once the bytes moved: the checks, the download sink they need
 * (bytes kept in memory only when a check reads them, digests computed only when md5 or sha1 checks
 * them: 500 users x 1 MiB kept would be 500 MiB), and the end-of-run transfer summary.
 */
public final class TransferChecks {
  private static final Set<Object> KEPT_BYTES_CHECKS =
      Set.of(
          CoreCheckType.BodyBytes,
          CoreCheckType.BodyString,
          CoreCheckType.Regex,
          CoreCheckType.Substring);
  private static final Set<Object> DIGEST_CHECKS = Set.of(CoreCheckType.Md5, CoreCheckType.Sha1);

  private final scala.collection.immutable.List<Check<SftpResponse>> checks;
  private final DownloadSink memorySink;
  private final TransferStats stats;

  /**
   * The checks of one request of a scenario, with the protocol's output settings; unsupported
   * checks fail here, when the simulation is built.
   */
  public TransferChecks(List<CheckBuilder> javaChecks, Output output, ScenarioContext ctx) {
    List<Check<SftpResponse>> converted = SftpChecks.toScalaChecks(javaChecks, output.charset());
    this.checks = scala.jdk.javaapi.CollectionConverters.asScala(converted).toList();
    boolean keep = javaChecks.stream().anyMatch(c -> KEPT_BYTES_CHECKS.contains(c.type()));
    boolean digest = javaChecks.stream().anyMatch(c -> DIGEST_CHECKS.contains(c.type()));
    DownloadSink sink = DownloadSink.inMemory(keep ? output.maxOutputLength() : 0);
    this.memorySink = digest ? sink : sink.withoutDigests();
    this.stats = TransferStats.of(ctx);
  }

  /** Where a download's bytes go when it has no local file. */
  public DownloadSink memorySink() {
    return memorySink;
  }

  /**
   * Where a download into the local file {@code local} puts its bytes (kept, digested as above).
   */
  public DownloadSink fileSink(Path local) {
    DownloadSink sink = DownloadSink.toFile(local).keep(memorySink.maxKeep());
    return memorySink.digests() ? sink : sink.withoutDigests();
  }

  /** The checks, as the Scala list {@code SshAction.doneChecked} runs. */
  public scala.collection.immutable.List<Check<SftpResponse>> checks() {
    return checks;
  }

  /** Counts a transfer that succeeded in the end-of-run summary (a no-op for other verbs). */
  public void count(String requestName, SftpResponse response) {
    if (response.transfer() != null) {
      stats.add(requestName, response.bytes(), response.endTimestamp() - response.startTimestamp());
    }
  }
}
