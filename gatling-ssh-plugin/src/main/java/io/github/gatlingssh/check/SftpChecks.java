package io.github.gatlingssh.check;

import static io.github.gatlingssh.internal.Validations.failure;
import static io.github.gatlingssh.internal.Validations.success;

import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckBuilder$MultipleFind$Default;
import io.gatling.core.check.CheckMaterializer;
import io.gatling.core.check.Extractor;
import io.gatling.core.check.FindExtractor;
import io.gatling.core.stats.message.ResponseTimings;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.internal.CoreCheckType;
import io.gatling.javaapi.core.internal.Expressions;
import io.github.gatlingssh.client.sftp.TransferResult;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import scala.Function1;
import scala.Option;

/**
 * The checks of SFTP requests: {@code fileSize()} (stat), {@code fileNames()} (list), {@code
 * transferredBytes()} (upload, download), and Gatling's {@code bodyLength}, {@code md5}, {@code
 * sha1} (over every byte downloaded), {@code bodyBytes}, {@code bodyString}, {@code regex}, {@code
 * substring} (over the bytes kept in memory) and {@code responseTimeInMillis}.
 */
public final class SftpChecks {
  private SftpChecks() {}

  /** The size of the file {@code stat} read, in bytes. */
  public static CheckBuilder.Find<Long> fileSize() {
    return findLong(
        "fileSize",
        SftpCheckType.FileSize,
        r -> r.attributes() == null ? null : r.attributes().size());
  }

  /** The bytes an upload sent or a download received, e.g. to {@code saveAs} them. */
  public static CheckBuilder.Find<Long> transferredBytes() {
    return findLong(
        "transferredBytes",
        SftpCheckType.TransferredBytes,
        r -> r.transfer() == null ? null : r.transfer().bytes());
  }

  /** A find of a size or byte count; a failed check's message shows the value found. */
  private static CheckBuilder.Find<Long> findLong(
      String name, SftpCheckType type, Function<SftpResponse, Long> extract) {
    return FindChecks.find(name, type, Long.class, extract, true);
  }

  /** The names {@code list} read, without "." and "..", in the server's order. */
  public static CheckBuilder.MultipleFind<String> fileNames() {
    CheckBuilder$MultipleFind$Default<SftpCheckType, SftpResponse, String> multiple =
        new CheckBuilder$MultipleFind$Default<>(true) {
          @Override
          public Function1<
                  io.gatling.core.session.Session, Validation<Extractor<SftpResponse, String>>>
              findExtractor(int occurrence) {
            return Expressions.toStaticValueExpression(
                new FindExtractor<>(
                    "fileNames",
                    r ->
                        success(
                            Option.apply(
                                names(r).size() > occurrence ? names(r).get(occurrence) : null))));
          }

          @Override
          public Function1<
                  io.gatling.core.session.Session,
                  Validation<Extractor<SftpResponse, scala.collection.immutable.Seq<String>>>>
              findAllExtractor() {
            return Expressions.toStaticValueExpression(
                new FindExtractor<>(
                    "fileNames",
                    r ->
                        success(
                            names(r).isEmpty()
                                ? Option.empty()
                                : Option.apply(
                                    scala.jdk.javaapi.CollectionConverters.asScala(names(r))
                                        .toList()))));
          }

          @Override
          public Function1<
                  io.gatling.core.session.Session, Validation<Extractor<SftpResponse, Object>>>
              countExtractor() {
            return Expressions.toStaticValueExpression(
                new FindExtractor<>(
                    "fileNames", r -> success(Option.apply((Object) names(r).size()))));
          }
        };
    return new CheckBuilder.MultipleFind.Default<>(
        multiple, SftpCheckType.FileNames, String.class, null);
  }

  private static List<String> names(SftpResponse r) {
    return r.names() == null ? List.of() : r.names();
  }

  /**
   * Converts the Java DSL's check builders of an SFTP request; unsupported types fail at build
   * time.
   */
  public static List<Check<SftpResponse>> toScalaChecks(
      List<CheckBuilder> javaChecks, Charset charset) {
    return toScalaChecks(javaChecks, charset, "SFTP");
  }

  /**
   * {@link #toScalaChecks(List, Charset)} for requests of {@code protocol} ("SFTP", "SCP"), as the
   * message of an unsupported check names them.
   */
  public static List<Check<SftpResponse>> toScalaChecks(
      List<CheckBuilder> javaChecks, Charset charset, String protocol) {
    List<Check<SftpResponse>> checks = new ArrayList<>(javaChecks.size());
    for (CheckBuilder c : javaChecks) {
      checks.add(toScalaCheck(c, charset, protocol));
    }
    return List.copyOf(checks);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Check<SftpResponse> toScalaCheck(
      CheckBuilder javaCheck, Charset charset, String protocol) {
    CheckBuilder.CheckType type = javaCheck.type();
    CheckMaterializer materializer;
    if (type instanceof SftpCheckType) {
      materializer = materializer(r -> success(r));
    } else if (type == CoreCheckType.BodyLength) {
      // Gatling's bodyLength is an Int: a download past 2 GiB reads Integer.MAX_VALUE, see
      // transferredBytes()
      materializer =
          materializer(r -> success((Object) (int) Math.min(Integer.MAX_VALUE, r.bytes())));
    } else if (type == CoreCheckType.Md5) {
      materializer = materializer(r -> digest(r, TransferResult::md5Hex));
    } else if (type == CoreCheckType.Sha1) {
      materializer = materializer(r -> digest(r, TransferResult::sha1Hex));
    } else if (type == CoreCheckType.BodyBytes) {
      materializer = materializer(r -> success(kept(r)));
    } else if (type == CoreCheckType.BodyString
        || type == CoreCheckType.Regex
        || type == CoreCheckType.Substring) {
      materializer = materializer(r -> success(new String(kept(r), charset)));
    } else if (type == CoreCheckType.ResponseTime) {
      materializer =
          materializer(r -> success(new ResponseTimings(r.startTimestamp(), r.endTimestamp())));
    } else {
      throw new IllegalArgumentException(
          protocol
              + " requests don't support "
              + type
              + " checks; use fileSize() (stat),"
              + " fileNames() (list), transferredBytes(), or Gatling's bodyLength, md5, sha1, bodyBytes, bodyString,"
              + " regex, substring (downloads) and responseTimeInMillis");
    }
    return (Check<SftpResponse>) javaCheck.asScala().build(materializer);
  }

  private static byte[] kept(SftpResponse r) {
    return r.transfer() == null ? new byte[0] : r.transfer().kept();
  }

  private static Validation<String> digest(SftpResponse r, Function<TransferResult, String> hex) {
    String value = r.transfer() == null ? null : hex.apply(r.transfer());
    return value != null
        ? success(value)
        : failure("md5 and sha1 need a download (not stat, list or upload)");
  }

  private static <T, P> CheckMaterializer<T, Check<SftpResponse>, SftpResponse, P> materializer(
      Function1<SftpResponse, Validation<P>> preparer) {
    return new CheckMaterializer<T, Check<SftpResponse>, SftpResponse, P>(c -> c) {
      @Override
      public Function1<SftpResponse, Validation<P>> preparer() {
        return preparer;
      }
    };
  }
}
