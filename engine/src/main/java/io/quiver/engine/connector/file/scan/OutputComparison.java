package io.quiver.engine.connector.file.scan;

import io.quiver.exec.fragment.expression.Literal;

/**
 * A conjunct of a scan's pushed filter: an output column of the scan compared with a constant of
 * that column's type.
 */
record OutputComparison(int outputColumn, PushedComparison.Operator operator, Literal value) {
}
