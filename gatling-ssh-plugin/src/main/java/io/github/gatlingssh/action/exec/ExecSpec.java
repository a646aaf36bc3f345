package io.github.gatlingssh.action.exec;

import static io.github.gatlingssh.internal.Validations.failed;
import static io.github.gatlingssh.internal.Validations.propagate;
import static io.github.gatlingssh.internal.Validations.success;
import static io.github.gatlingssh.internal.Validations.value;

import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.github.gatlingssh.client.exec.ExecOptions;
import io.github.gatlingssh.client.exec.Stdin;
import io.github.gatlingssh.protocol.Param;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the DSL set up an exec channel besides its command (stdin, PTY, environment variables), as
 * Gatling expressions; resolved per virtual user into {@link ExecOptions} when the request is sent.
 *
 * @param stdinText stdin as text (EL), encoded with the protocol's charset; or null
 * @param stdinBytes stdin as bytes (a function of the session); or null
 * @param stdinFile stdin from a local file (EL path); or null
 * @param env variable name to value (EL), in the order the DSL named them
 */
public record ExecSpec(
    Param<String> stdinText,
    Param<byte[]> stdinBytes,
    Param<String> stdinFile,
    boolean pty,
    Map<String, Param<String>> env) {
  /** A plain exec. */
  public static final ExecSpec NONE = new ExecSpec(null, null, null, false, Map.of());

  public ExecSpec {
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** A copy that sends this text (EL) on stdin, instead of any other stdin. */
  public ExecSpec withStdinText(Param<String> text) {
    return new ExecSpec(text, null, null, pty, env);
  }

  /** A copy that sends these bytes on stdin, instead of any other stdin. */
  public ExecSpec withStdinBytes(Param<byte[]> bytes) {
    return new ExecSpec(null, bytes, null, pty, env);
  }

  /**
   * A copy that sends this local file on stdin, instead of any other stdin. A path without EL must
   * name a readable file now, when the simulation is built.
   */
  public ExecSpec withStdinFile(Param<String> path) {
    path.staticValue()
        .ifPresent(
            p -> {
              if (!Files.isRegularFile(Path.of(p)) || !Files.isReadable(Path.of(p))) {
                throw new IllegalArgumentException(
                    "stdinFile: "
                        + p
                        + " is not a readable file: give the path of a local file"
                        + " (relative paths start from the directory Gatling runs in)");
              }
            });
    return new ExecSpec(null, null, path, pty, env);
  }

  /** A copy that asks for a PTY. */
  public ExecSpec withPty() {
    return new ExecSpec(stdinText, stdinBytes, stdinFile, true, env);
  }

  /** A copy that also sends this environment variable (replacing one of the same name). */
  public ExecSpec withEnv(String name, Param<String> value) {
    if (name == null || name.isEmpty() || name.contains("=") || name.contains("\0")) {
      throw new IllegalArgumentException(
          "env: '" + name + "' is not a variable name: give a non-empty name without '='");
    }
    Map<String, Param<String>> more = new LinkedHashMap<>(env);
    more.put(name, value);
    return new ExecSpec(stdinText, stdinBytes, stdinFile, pty, more);
  }

  /** This user's options, or the Gatling failure of an expression (a missing attribute...). */
  Validation<ExecOptions> resolve(Session session, Charset charset) {
    Stdin stdin = null;
    if (stdinText != null) {
      Validation<String> text = stdinText.resolve(session);
      if (failed(text)) {
        return propagate(text);
      }
      stdin = Stdin.bytes(value(text).getBytes(charset));
    } else if (stdinBytes != null) {
      Validation<byte[]> bytes = stdinBytes.resolve(session);
      if (failed(bytes)) {
        return propagate(bytes);
      }
      stdin = Stdin.bytes(value(bytes) == null ? new byte[0] : value(bytes));
    } else if (stdinFile != null) {
      Validation<String> path = stdinFile.resolve(session);
      if (failed(path)) {
        return propagate(path);
      }
      stdin = Stdin.file(Path.of(value(path)));
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (Map.Entry<String, Param<String>> e : env.entrySet()) {
      Validation<String> v = e.getValue().resolve(session);
      if (failed(v)) {
        return propagate(v);
      }
      vars.put(e.getKey(), value(v));
    }
    return success(new ExecOptions(stdin, pty, vars));
  }
}
