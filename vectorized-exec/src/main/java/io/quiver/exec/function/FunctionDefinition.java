package io.quiver.exec.function;

import io.quiver.exec.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A SQL function (or one family of functions under one name), defined once: its name and aliases,
 * signatures with their result types, what it does with NULLs, whether it is deterministic, its
 * documentation and example, and its vectorized kernel. The validator's operator table, the
 * planner's conversion, the executor's compiler, JDBC's function lists, {@code SHOW FUNCTIONS} and
 * the function reference all read these definitions ({@link FunctionRegistry}).
 *
 * <p>A definition without a kernel is <em>built in</em>: an operator or special form (+, =, AND,
 * CASE, CAST ...) or one of the first functions, which the expression compiler implements with
 * nodes of its own (lazy evaluation, specialised loops). Every other function has a kernel.
 *
 * <p>A call in a fragment names its function by {@link #name()}, which therefore never changes.
 */
public final class FunctionDefinition {

  private final String name;
  private final List<String> aliases;
  private final FunctionCategory category;
  private final FunctionKind kind;
  private final List<FunctionSignature> signatures;
  private final NullHandling nullHandling;
  private final boolean deterministic;
  private final String description;
  private final FunctionExample example;
  private final KernelFactory kernel;
  private final boolean rewritten;

  private FunctionDefinition(Builder builder) {
    this.name = builder.name;
    this.aliases = List.copyOf(builder.aliases);
    this.category = builder.category;
    this.kind = FunctionKind.SCALAR;
    this.signatures = List.copyOf(builder.signatures);
    this.nullHandling = builder.nullHandling;
    this.deterministic = builder.deterministic;
    this.description = Objects.requireNonNull(builder.description, "description of " + name);
    this.example = builder.example;
    this.kernel = builder.kernel;
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException(name + " has no signature");
    }
    this.rewritten = builder.rewritten;
    if (kernel == null && !builder.builtIn && !rewritten) {
      throw new IllegalArgumentException(name + " has no kernel and is neither built in nor rewritten");
    }
  }

  /** A scalar function called {@code name} (upper case; the stable name fragments use). */
  public static Builder scalar(String name, FunctionCategory category) {
    return new Builder(name, category);
  }

  public String name() {
    return name;
  }

  /** Other names of the same function (DuckDB's, Spark's, JDBC's), upper case. */
  public List<String> aliases() {
    return aliases;
  }

  /** The name and the aliases. */
  public List<String> names() {
    List<String> names = new ArrayList<>(aliases.size() + 1);
    names.add(name);
    names.addAll(aliases);
    return names;
  }

  public FunctionCategory category() {
    return category;
  }

  public FunctionKind kind() {
    return kind;
  }

  public List<FunctionSignature> signatures() {
    return signatures;
  }

  public NullHandling nullHandling() {
    return nullHandling;
  }

  /** False for functions whose value changes between calls (RANDOM) or rows. */
  public boolean deterministic() {
    return deterministic;
  }

  public String description() {
    return description;
  }

  /** The example of the function reference; null for operators documented without one. */
  public FunctionExample example() {
    return example;
  }

  /** Whether the expression compiler implements it natively (no kernel). */
  public boolean builtIn() {
    return kernel == null && !rewritten;
  }

  /**
   * Whether the planner replaces every call by other expressions (IF becomes CASE so that only the
   * chosen branch is evaluated; NOW() becomes the query's start time), so no fragment calls it.
   */
  public boolean rewrittenByPlanner() {
    return rewritten;
  }

  /** The kernel factory; null when {@link #builtIn()}. */
  public KernelFactory kernel() {
    return kernel;
  }

  /**
   * The first signature these argument types fit, the types the kernel receives and the result
   * type; null when none fits.
   */
  public Resolution resolve(List<DataType> argumentTypes) {
    for (FunctionSignature signature : signatures) {
      List<DataType> targets = signature.targets(argumentTypes);
      if (targets != null) {
        return new Resolution(signature, targets, signature.returns().derive(targets));
      }
    }
    return null;
  }

  /** Whether some signature takes {@code count} arguments. */
  public boolean acceptsCount(int count) {
    for (FunctionSignature signature : signatures) {
      if (signature.acceptsCount(count)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * How a call resolved.
   *
   * @param argumentTypes the type each argument is cast to before the kernel receives it
   */
  public record Resolution(FunctionSignature signature, List<DataType> argumentTypes, DataType resultType) {
  }

  /** Builds a definition; every function file holds one builder chain per function. */
  public static final class Builder {

    private final String name;
    private final FunctionCategory category;
    private final List<String> aliases = new ArrayList<>();
    private final List<FunctionSignature> signatures = new ArrayList<>();
    private NullHandling nullHandling = NullHandling.STRICT;
    private boolean deterministic = true;
    private String description;
    private FunctionExample example;
    private KernelFactory kernel;
    private boolean builtIn;
    private boolean rewritten;

    private Builder(String name, FunctionCategory category) {
      this.name = name.toUpperCase(Locale.ROOT);
      this.category = category;
    }

    public Builder aliases(String... names) {
      for (String alias : names) {
        aliases.add(alias.toUpperCase(Locale.ROOT));
      }
      return this;
    }

    public Builder signature(ReturnType returns, ArgumentType... parameters) {
      signatures.add(FunctionSignature.of(returns, parameters));
      return this;
    }

    public Builder signature(FunctionSignature signature) {
      signatures.add(signature);
      return this;
    }

    public Builder nulls(NullHandling handling) {
      this.nullHandling = handling;
      return this;
    }

    public Builder nondeterministic() {
      this.deterministic = false;
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder example(String sql, String result) {
      this.example = new FunctionExample(sql, result);
      return this;
    }

    public Builder kernel(KernelFactory factory) {
      this.kernel = factory;
      return this;
    }

    /** A kernel that needs no per-call set-up. */
    public Builder kernel(ScalarKernel body) {
      this.kernel = binding -> body;
      return this;
    }

    /** Implemented natively by the expression compiler. */
    public Builder builtIn() {
      this.builtIn = true;
      return this;
    }

    /** The planner replaces its calls (see {@link FunctionDefinition#rewrittenByPlanner()}). */
    public Builder rewrittenByPlanner() {
      this.rewritten = true;
      return this;
    }

    public FunctionDefinition build() {
      return new FunctionDefinition(this);
    }
  }
}
