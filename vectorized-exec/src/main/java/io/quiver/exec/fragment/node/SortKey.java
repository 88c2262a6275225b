package io.quiver.exec.fragment.node;

/** One ORDER BY key: an input column, its direction and where NULLs go. */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {
}
