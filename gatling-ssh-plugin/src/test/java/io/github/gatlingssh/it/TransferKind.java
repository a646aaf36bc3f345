package io.github.gatlingssh.it;

import static io.github.gatlingssh.javaapi.SshDsl.scp;
import static io.github.gatlingssh.javaapi.SshDsl.sftp;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Locale;
import java.util.function.Function;

/**
 * The two file transfer protocols of the DSL, for the tests that assert one behaviour over both:
 * the verbs they share, as {@code sftp(..)} or {@code scp(..)} requests.
 */
enum TransferKind {
  SFTP,
  SCP;

  /** The word KO messages of this kind start with ({@code sftp: ...}, {@code scp: ...}). */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Uploads {@code localFile} to {@code remoteFile}. */
  ActionBuilder upload(
      String request, String localFile, String remoteFile, CheckBuilder... checks) {
    return switch (this) {
      case SFTP -> sftp(request).upload(localFile, remoteFile).check(checks);
      case SCP -> scp(request).upload(localFile, remoteFile).check(checks);
    };
  }

  /** Uploads the bytes {@code content} gives to {@code remoteFile}. */
  ActionBuilder uploadBytes(
      String request,
      String remoteFile,
      Function<Session, byte[]> content,
      CheckBuilder... checks) {
    return switch (this) {
      case SFTP -> sftp(request).uploadBytes(remoteFile, content).check(checks);
      case SCP -> scp(request).uploadBytes(remoteFile, content).check(checks);
    };
  }

  /** Downloads {@code remoteFile} into memory, where checks read it. */
  ActionBuilder download(String request, String remoteFile, CheckBuilder... checks) {
    return switch (this) {
      case SFTP -> sftp(request).download(remoteFile).check(checks);
      case SCP -> scp(request).download(remoteFile).check(checks);
    };
  }

  /** Downloads {@code remoteFile} to {@code localFile}. */
  ActionBuilder download(
      String request, String remoteFile, String localFile, CheckBuilder... checks) {
    return switch (this) {
      case SFTP -> sftp(request).download(remoteFile, localFile).check(checks);
      case SCP -> scp(request).download(remoteFile, localFile).check(checks);
    };
  }
}
