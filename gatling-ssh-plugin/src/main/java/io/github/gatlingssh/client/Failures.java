package io.github.gatlingssh.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import org.apache.sshd.common.SshException;

/** Turns the exceptions MINA and the JDK throw into short, credential-free descriptions. */
public final class Failures {
  private Failures() {}

  /** A short, credential-free description of {@code t}, e.g. "connection refused". */
  public static String describe(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    Throwable root = rootCause(t);
    if (root instanceof ConnectException) {
      String msg = String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT);
      return msg.contains("refused")
          ? "connection refused"
          : "cannot connect (" + root.getMessage() + ")";
    }
    if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
      return "unknown host";
    }
    if (root instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (root instanceof SocketTimeoutException) {
      return "socket timeout";
    }
    if (root instanceof EOFException) {
      return "connection closed by server";
    }
    String msg = root.getMessage();
    if (msg == null || msg.isBlank()) {
      return root.getClass().getSimpleName();
    }
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("connection reset")) {
      return "connection reset by server";
    }
    if (lower.contains("broken pipe")) {
      return "connection closed by server (broken pipe)";
    }
    return root instanceof SshException || root instanceof java.io.IOException
        ? msg
        : root.getClass().getSimpleName() + ": " + msg;
  }

  /** The innermost cause of {@code t}. */
  public static Throwable rootCause(Throwable t) {
    Throwable cur = t;
    while (cur.getCause() != null && cur.getCause() != cur) {
      cur = cur.getCause();
    }
    return cur;
  }
}
