package io.github.gatlingssh.benchmark.hold;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's class histogram of live objects, as {@code jcmd <pid> GC.class_histogram} prints it (a
 * full collection first), taken from inside the JVM through the DiagnosticCommand MBean: what the
 * heap of held sessions is made of, for the analysis ({@code -Dhold.histograms=true}).
 */
final class ClassHistogram {
  private ClassHistogram() {}

  static String take() {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
    } catch (JMException e) {
      return "no class histogram: " + e;
    }
  }
}
