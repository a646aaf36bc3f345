package io.github.gatlingssh.simulationlog;

import java.util.Arrays;
import java.util.List;

/**
 * The first record of a {@code simulation.log}: who wrote the file, when the run started, its
 * scenarios and its assertions.
 *
 * @param gatlingVersion the Gatling version that wrote the file; Gatling's reader only reads logs
 *     of its own version
 * @param simulationClassName fully qualified name of the simulation class
 * @param start run start, epoch milliseconds; every other time in the file is an int offset from it
 * @param description the run description ({@code ""} if none)
 * @param scenarios scenario names, in the order user records index them
 * @param assertions the simulation's assertions, as Gatling pickled them (boopickle): kept opaque,
 *     compared byte for byte
 */
public record RunRecord(
    String gatlingVersion,
    String simulationClassName,
    long start,
    String description,
    List<String> scenarios,
    List<PickledAssertion> assertions) {

  /** Canonical constructor: copies the lists. */
  public RunRecord {
    scenarios = List.copyOf(scenarios);
    assertions = List.copyOf(assertions);
  }

  /** The same header with another start, scenario list and description. */
  public RunRecord with(long newStart, List<String> newScenarios, String newDescription) {
    return new RunRecord(
        gatlingVersion, simulationClassName, newStart, newDescription, newScenarios, assertions);
  }

  /**
   * One assertion in Gatling's binary (boopickle) form; equal when the bytes are.
   *
   * @param bytes the pickled assertion
   */
  public record PickledAssertion(byte[] bytes) {
    /** Canonical constructor: copies the bytes. */
    public PickledAssertion {
      bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PickledAssertion other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "PickledAssertion[" + bytes.length + " bytes]";
    }
  }
}
