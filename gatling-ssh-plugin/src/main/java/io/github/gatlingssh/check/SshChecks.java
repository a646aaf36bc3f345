package io.github.gatlingssh.check;

import io.gatling.core.check.CheckMaterializer;
import io.gatling.core.json.JsonParsers;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.internal.CoreCheckType;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the Java DSL's check builders into {@link SshCheck}s. Gatling's own checks read stdout:
 * {@code bodyString}, {@code regex}, {@code substring}, {@code bodyLength} (all bytes), {@code
 * bodyBytes}, {@code jsonPath}, {@code jmesPath}; {@code responseTimeInMillis} reads the request's
 * timings.
 */
public final class SshChecks {
  private static final JsonParsers JSON_PARSERS = new JsonParsers();

  private SshChecks() {}

  public static List<SshCheck> toScalaChecks(List<CheckBuilder> javaChecks, Charset charset) {
    List<SshCheck> checks = new ArrayList<>(javaChecks.size());
    for (CheckBuilder c : javaChecks) {
      checks.add(toScalaCheck(c, charset));
    }
    return List.copyOf(checks);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SshCheck toScalaCheck(CheckBuilder javaCheck, Charset charset) {
    io.gatling.core.check.CheckBuilder scalaCheck = javaCheck.asScala();
    CheckBuilder.CheckType type = javaCheck.type();
    CheckMaterializer materializer;
    if (type instanceof SshCheckType sshType) {
      materializer =
          SshCheckMaterializer.response(
              sshType == SshCheckType.ExitStatus || sshType == SshCheckType.ExitSignal
                  ? SshCheck.Scope.EXIT
                  : SshCheck.Scope.OUTPUT);
    } else if (type instanceof CoreCheckType core) {
      materializer =
          switch (core) {
            case BodyString, Regex, Substring -> SshCheckMaterializer.stdoutText();
            case BodyLength -> SshCheckMaterializer.stdoutLength();
            case BodyBytes -> SshCheckMaterializer.stdoutBytes(charset);
            case JsonPath, JmesPath -> SshCheckMaterializer.stdoutJson(JSON_PARSERS);
            case ResponseTime -> SshCheckMaterializer.responseTime();
            default -> throw unsupported(type);
          };
    } else {
      throw unsupported(type);
    }
    return (SshCheck) scalaCheck.build(materializer);
  }

  private static IllegalArgumentException unsupported(CheckBuilder.CheckType type) {
    return new IllegalArgumentException(
        "SSH requests don't support "
            + type
            + " checks; use exitStatus(), exitSignal(),"
            + " stdout(), stderr(), or Gatling's bodyString, bodyLength, bodyBytes, regex, substring, jsonPath, jmesPath"
            + " (on stdout) and responseTimeInMillis");
  }
}
