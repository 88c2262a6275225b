package io.quiver.exec.operator.sort;

/** Compares two rows by their index. */
@FunctionalInterface
interface IndexComparator {
  int compare(int left, int right);
}
