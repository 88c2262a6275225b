package io.quiver.exec.function.library;

import static io.quiver.exec.function.ArgumentType.ANY;
import static io.quiver.exec.function.ArgumentType.BOOLEAN;

import io.quiver.exec.function.FunctionCategory;
import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionFamily;
import io.quiver.exec.function.FunctionSignature;
import io.quiver.exec.function.NullHandling;
import io.quiver.exec.function.ReturnType;
import java.util.List;

/**
 * Conditional functions. COALESCE is built into the compiler (it evaluates an argument only for the
 * rows still NULL); IF and IIF become CASE in the planner so that only the chosen branch runs;
 * NULLIF is CASE as Calcite rewrites it; TRY_CAST is a cast that gives NULL instead of an error.
 */
public final class ConditionalFunctions implements FunctionFamily {

  /** IF's result: the common type of its two branches. */
  private static final ReturnType BRANCHES = new ReturnType(
      arguments -> io.quiver.exec.function.CommonType.of(arguments.subList(1, 3)), "the common type of a and b");

  @Override
  public List<FunctionDefinition> definitions() {
    return List.of(
        FunctionDefinition.scalar("COALESCE", FunctionCategory.CONDITIONAL)
            .aliases("NVL", "IFNULL")
            .signature(FunctionSignature.of(ReturnType.FIRST, ANY).repeating(1).sameType())
            .nulls(NullHandling.CUSTOM)
            .description("the first argument that is not NULL (NVL and IFNULL take two)")
            .example("COALESCE(NULL, 2, 3)", "2")
            .builtIn().build(),
        FunctionDefinition.scalar("IF", FunctionCategory.CONDITIONAL)
            .aliases("IIF")
            .signature(FunctionSignature.of(BRANCHES, BOOLEAN, ANY, ANY))
            .nulls(NullHandling.CUSTOM)
            .description("IF(condition, a, b): a when the condition is true, else b (NULL counts as not true)")
            .example("IF(1 < 2, 'yes', 'no')", "yes")
            .rewrittenByPlanner().build(),
        FunctionDefinition.scalar("NULLIF", FunctionCategory.CONDITIONAL)
            .signature(FunctionSignature.of(ReturnType.FIRST, ANY, ANY))
            .nulls(NullHandling.CUSTOM)
            .description("NULL when a = b, else a")
            .example("NULLIF(5, 5)", "NULL")
            .rewrittenByPlanner().build(),
        FunctionDefinition.scalar("TRY_CAST", FunctionCategory.CONDITIONAL)
            .signature(ReturnType.FIRST, ANY)
            .nulls(NullHandling.STRICT_NULLABLE)
            .description("TRY_CAST(x AS type): CAST, but NULL where the value does not convert")
            .example("TRY_CAST('12x' AS INTEGER)", "NULL")
            .builtIn().build());
  }
}
