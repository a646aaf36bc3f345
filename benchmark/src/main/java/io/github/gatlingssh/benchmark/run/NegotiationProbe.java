package io.github.gatlingssh.benchmark.run;

import io.github.gatlingssh.benchmark.bare.BareMinaClient;
import io.github.gatlingssh.client.ClientSettings;
import io.github.gatlingssh.client.ConnectRequest;
import io.github.gatlingssh.client.Negotiated;
import io.github.gatlingssh.client.SshConnection;
import io.github.gatlingssh.client.SshConnector;
import io.github.gatlingssh.client.hostkey.KnownHostsPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which algorithms each client negotiates. The Gatling runs do not expose it, so gatling-ssh's is
 * taken from one connection of the plugin's own {@link SshConnector} with the settings
 * SeedSimulation's protocol uses ({@link ClientSettings#DEFAULT}); OpenSSH's from {@code ssh -v}.
 */
public final class NegotiationProbe {
  private static final Pattern KEX = Pattern.compile("kex: algorithm: (\\S+)");
  private static final Pattern HOST_KEY = Pattern.compile("kex: host key algorithm: (\\S+)");
  private static final Pattern CIPHER =
      Pattern.compile("kex: client->server cipher: (\\S+) MAC: (\\S+)");

  private NegotiationProbe() {}

  public static Negotiated gatlingSsh(TargetServer s) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (SshConnector connector = new SshConnector(ClientSettings.DEFAULT)) {
      ConnectRequest request =
          new ConnectRequest(
              s.sshd().host(),
              s.sshd().port(),
              s.sshd().username(),
              null,
              List.of(BareMinaClient.loadKey(s.sshd().userKey())),
              KnownHostsPolicy.load(s.sshd().knownHostsFile()),
              Duration.ofSeconds(20),
              List.of());
      SshConnection connection = connector.connect(request, timer).get(30, TimeUnit.SECONDS);
      Negotiated negotiated = connection.negotiated();
      connection.disconnect().get(30, TimeUnit.SECONDS);
      return negotiated;
    } catch (Exception e) {
      System.err.println("gatling-ssh negotiation probe failed: " + e);
      return Negotiated.UNKNOWN;
    } finally {
      timer.shutdownNow();
    }
  }

  public static Negotiated openSsh(TargetServer s) {
    List<String> cmd = new ArrayList<>(OpenSshRun.ssh(s));
    cmd.add(1, "-v");
    cmd.replaceAll(a -> a.equals("LogLevel=ERROR") ? "LogLevel=DEBUG1" : a);
    cmd.add("true");
    try {
      return parseSshVerbose(OpenSshRun.output(cmd, Duration.ofSeconds(30)));
    } catch (Exception e) {
      System.err.println("OpenSSH negotiation probe failed: " + e);
      return Negotiated.UNKNOWN;
    }
  }

  /** Reads the "kex:" lines of {@code ssh -v} output. */
  public static Negotiated parseSshVerbose(String output) {
    Matcher cipher = CIPHER.matcher(output);
    boolean hasCipher = cipher.find();
    return new Negotiated(
        find(KEX, output),
        find(HOST_KEY, output),
        hasCipher ? cipher.group(1) : "?",
        hasCipher ? cipher.group(2) : "?");
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : "?";
  }
}
