/**
 * The function registry: every SQL function defined once ({@link io.quiver.exec.function.FunctionDefinition}:
 * names and aliases, signatures and result types, NULL handling, determinism, documentation with a
 * tested example, and a vectorized {@link io.quiver.exec.function.ScalarKernel}).
 *
 * <p>Who reads it. The planner's operator table turns each definition Calcite does not already
 * define into a validator function (operand checks and result type from the signatures); the
 * planner's expression converter resolves calls by name and casts their arguments to the
 * signature's kernel types; a fragment's call names its function by the definition's stable name;
 * the executor's compiler looks the name up here and binds the kernel (constant arguments, such as
 * patterns and units, prepared once). JDBC's function lists, {@code SHOW FUNCTIONS}
 * ({@link io.quiver.exec.function.FunctionRegistry#all()}) and the generated reference
 * ({@code sql-frontend/FUNCTIONS.md}) list the same definitions.
 *
 * <p>Adding a function: a definition in its family file of {@code library} (or a new family file,
 * listed in {@code BuiltinFamilies}), with an example, plus its SQL logic tests. Nothing else
 * changes. Aggregate and window functions will register here too ({@link io.quiver.exec.function.FunctionKind}).
 *
 * <p>This package knows nothing of Calcite: executors load it without the planner.
 */
package io.quiver.exec.function;
