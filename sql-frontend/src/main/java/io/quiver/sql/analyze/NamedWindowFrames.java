package io.quiver.sql.analyze;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Resolves a window that names another and adds its own frame, {@code OVER (w ROWS BETWEEN 1
 * PRECEDING AND CURRENT ROW)}, before validation: the named window's PARTITION BY and ORDER BY are
 * copied into it and the reference dropped. Calcite 1.42's own resolution ({@code
 * SqlWindow.overlay}) keeps the referenced window's (absent) frame instead of the referencing one's,
 * which would compute the function over the wrong rows.
 */
final class NamedWindowFrames extends SqlBasicVisitor<Void> {

  private final Deque<Map<String, SqlWindow>> scopes = new ArrayDeque<>();

  static void resolve(SqlNode query) {
    query.accept(new NamedWindowFrames());
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlSelect select) {
      Map<String, SqlWindow> windows = new HashMap<>();
      for (SqlNode node : select.getWindowList()) {
        if (node instanceof SqlWindow window && window.getDeclName() != null) {
          windows.put(window.getDeclName().getSimple(), window);
        }
      }
      scopes.push(windows);
      try {
        return super.visit(call);
      } finally {
        scopes.pop();
      }
    }
    if (call instanceof SqlWindow window && window.getRefName() != null
        && (window.getLowerBound() != null || window.getUpperBound() != null) && !scopes.isEmpty()) {
      inline(window, scopes.peek(), 0);
    }
    return super.visit(call);
  }

  /** Copies the named window's keys into {@code window}, which then names no window. */
  private static void inline(SqlWindow window, Map<String, SqlWindow> windows, int depth) {
    SqlWindow named = windows.get(window.getRefName().getSimple());
    if (named == null || depth > windows.size()) {
      return;
    }
    if (named.getRefName() != null) {
      inline(named, windows, depth + 1);
      if (named.getRefName() != null) {
        return;
      }
    }
    if (window.getPartitionList().isEmpty()) {
      window.setPartitionList((SqlNodeList) named.getPartitionList().clone(SqlParserPos.ZERO));
    }
    if (window.getOrderList().isEmpty()) {
      window.setOrderList((SqlNodeList) named.getOrderList().clone(SqlParserPos.ZERO));
    }
    window.setOperand(1, null);
  }
}
