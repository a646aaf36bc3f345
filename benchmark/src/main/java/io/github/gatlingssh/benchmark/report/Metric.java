package io.github.gatlingssh.benchmark.report;

import io.github.gatlingssh.benchmark.cpu.ThreadGroups;
import io.github.gatlingssh.benchmark.result.Phases;
import io.github.gatlingssh.benchmark.result.RunResult;
import java.util.function.ToDoubleFunction;

/** The figures reported per client and N; each cell is the median over the repetitions. */
enum Metric {
  AUTH_EXECUTE("auth+execute", Kind.TIME, r -> r.phase(Phases::authExecute)),
  CLOSE_EXIT("close+exit status", Kind.TIME, r -> r.phase(Phases::closeExit)),
  EXECUTE("execute", Kind.TIME, r -> r.phase(Phases::execute)),
  CHANNEL_READ("channel read", Kind.TIME, r -> r.phase(Phases::channelRead)),
  TOTAL("total", Kind.TIME, RunResult::total),
  DISCONNECT("disconnect", Kind.TIME, r -> r.phase(Phases::disconnect)),
  CLIENT_CPU("client CPU", Kind.TIME, RunResult::clientCpu),
  CLIENT_CPU_PER_SESSION("client CPU/session", Kind.TIME, r -> r.clientCpu() / r.users()),
  CLIENT_CPU_PER_SESSION_WITHOUT_JIT(
      "client CPU/session without JIT",
      Kind.TIME,
      r -> (r.clientCpu() - r.threadCpu().getOrDefault(ThreadGroups.JIT, Double.NaN)) / r.users()),
  JVM_CPU("whole JVM CPU", Kind.TIME, RunResult::jvmCpu),
  SERVER_CPU("server CPU", Kind.TIME, RunResult::serverCpu),
  SERVER_CPU_PER_SESSION("server CPU/session", Kind.TIME, r -> r.serverCpu() / r.users()),
  MACHINE_UTILISATION("machine busy", Kind.SHARE, RunResult::machineUtilisation),
  OTHER_CPU("other CPU", Kind.TIME, r -> r.machineBusy() - r.clientCpu() - r.serverCpu()),
  ERRORS("errors", Kind.COUNT, r -> r.errors());

  /** How a metric's values read. */
  enum Kind {
    TIME,
    SHARE,
    COUNT
  }

  final String label;
  final Kind kind;
  private final ToDoubleFunction<RunResult> value;

  Metric(String label, Kind kind, ToDoubleFunction<RunResult> value) {
    this.label = label;
    this.kind = kind;
    this.value = value;
  }

  double of(RunResult r) {
    return value.applyAsDouble(r);
  }

  String format(double v) {
    return switch (kind) {
      case TIME -> Format.millis(v);
      case SHARE -> Format.percent(v);
      case COUNT -> Format.count(v);
    };
  }
}
