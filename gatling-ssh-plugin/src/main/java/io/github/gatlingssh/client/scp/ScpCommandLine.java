package io.github.gatlingssh.client.scp;

import java.util.regex.Pattern;

/**
 * The remote command of a transfer, as OpenSSH's {@code scp} client sends it in its legacy mode:
 * {@code scp -t PATH} to upload into PATH, {@code scp -f PATH} to download it. The server runs it
 * through the login shell, so a path with characters the shell would interpret is single-quoted.
 */
final class ScpCommandLine {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@%+=:,~-]+");

  private ScpCommandLine() {}

  /** {@code scp -t PATH}: the server receives a file into PATH. */
  static String upload(String remotePath) {
    return "scp -t " + quote(remotePath);
  }

  /** {@code scp -f PATH}: the server sends the file PATH. */
  static String download(String remotePath) {
    return "scp -f " + quote(remotePath);
  }

  /**
   * The path as one shell word: as is when plain (so that {@code ~} still means the home
   * directory), else single-quoted. A relative path starting with '-' gets "./" so that it is not
   * an option (OpenSSH's server reads options until the path; MINA's does not take "--").
   */
  static String quote(String path) {
    String p = path.startsWith("-") ? "./" + path : path;
    if (PLAIN.matcher(p).matches()) {
      return p;
    }
    return "'" + p.replace("'", "'\\''") + "'";
  }

  /**
   * The file name an upload announces in its {@code C} line: the last element of the remote path
   * (the server writes into the path itself, or into that name when the path is a directory), or
   * {@code fallback} when the path names a directory ("dir/", ".", "~").
   */
  static String fileName(String remotePath, String fallback) {
    String p = remotePath;
    int slash = p.lastIndexOf('/');
    String last = slash < 0 ? p : p.substring(slash + 1);
    if (last.isEmpty() || last.equals(".") || last.equals("..") || last.equals("~")) {
      return fallback;
    }
    return last;
  }
}
