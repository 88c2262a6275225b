package io.quiver.exec.function;

/** What a function does with NULL arguments and whether it may return NULL. */
public enum NullHandling {
  /** NULL in any argument gives NULL; otherwise never NULL. The kernel sees only rows without NULLs. */
  STRICT,
  /** NULL in any argument gives NULL, and some non-NULL arguments give NULL too (NULLIF, TRY_CAST). */
  STRICT_NULLABLE,
  /** The kernel sees every row and decides itself; the result may be NULL. */
  CUSTOM,
  /** The kernel sees every row and never returns NULL (CONCAT skips NULL arguments). */
  NEVER_NULL;

  /** Whether the kernel is called only for rows whose arguments are all non-NULL. */
  public boolean strict() {
    return this == STRICT || this == STRICT_NULLABLE;
  }
}
