package io.quiver.tpch.bench;

/** Whether a query's answers matched the reference answer. */
public enum QueryOutcome {
  /** Every run's answer matched the reference answer. */
  CORRECT("yes"),
  /** Some run's answer differed from the reference answer. */
  WRONG("NO"),
  /** The query failed with an error. */
  FAILED("ERROR"),
  /** There is no reference answer at this scale factor; the rows were counted only. */
  UNCHECKED("-");

  private final String label;

  QueryOutcome(String label) {
    this.label = label;
  }

  /** How the printed table shows it. */
  public String label() {
    return label;
  }
}
