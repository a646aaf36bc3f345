package io.github.gatlingssh.check;

import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.check.CheckMaterializer;
import io.gatling.core.json.JsonParsers;
import io.gatling.core.stats.message.ResponseTimings;
import scala.Function1;

/**
 * Turns Gatling check builders into {@link SshCheck}s: the "preparer" says what part of the
 * response a check type reads (stdout for Gatling's body/regex/substring/JSON checks).
 *
 * @param <T> Gatling's phantom check type
 * @param <P> what the check's extractor reads
 */
public final class SshCheckMaterializer<T, P>
    extends CheckMaterializer<T, SshCheck, SshResponse, P> {
  private final Function1<SshResponse, Validation<P>> preparer;

  private SshCheckMaterializer(
      SshCheck.Scope scope, Function1<SshResponse, Validation<P>> preparer) {
    super(check -> new SshCheck(check, scope));
    this.preparer = preparer;
  }

  @Override
  public Function1<SshResponse, Validation<P>> preparer() {
    return preparer;
  }

  /**
   * For SSH's own checks (exitStatus, exitSignal, stdout, stderr): they read the response itself.
   */
  public static <T> SshCheckMaterializer<T, SshResponse> response(SshCheck.Scope scope) {
    return new SshCheckMaterializer<>(scope, r -> success(r));
  }

  /** bodyString, regex, substring: stdout as text. */
  public static <T> SshCheckMaterializer<T, String> stdoutText() {
    return new SshCheckMaterializer<>(SshCheck.Scope.OUTPUT, r -> success(r.stdout().text()));
  }

  /** bodyLength: every byte of stdout, kept or not. */
  public static <T> SshCheckMaterializer<T, Object> stdoutLength() {
    return new SshCheckMaterializer<>(
        SshCheck.Scope.OUTPUT,
        r -> success((Object) (int) Math.min(Integer.MAX_VALUE, r.stdout().bytes())));
  }

  /** bodyBytes: the kept stdout text, encoded back with the protocol's charset. */
  public static <T> SshCheckMaterializer<T, byte[]> stdoutBytes(java.nio.charset.Charset charset) {
    return new SshCheckMaterializer<>(
        SshCheck.Scope.OUTPUT, r -> success(r.stdout().text().getBytes(charset)));
  }

  /** jsonPath, jmesPath: stdout parsed as JSON. */
  public static <T> SshCheckMaterializer<T, com.fasterxml.jackson.databind.JsonNode> stdoutJson(
      JsonParsers parsers) {
    return new SshCheckMaterializer<>(
        SshCheck.Scope.OUTPUT, r -> parsers.safeParse(r.stdout().text()));
  }

  /** responseTimeInMillis. */
  public static <T> SshCheckMaterializer<T, ResponseTimings> responseTime() {
    return new SshCheckMaterializer<>(
        SshCheck.Scope.TIME,
        r -> success(new ResponseTimings(r.startTimestamp(), r.endTimestamp())));
  }
}
