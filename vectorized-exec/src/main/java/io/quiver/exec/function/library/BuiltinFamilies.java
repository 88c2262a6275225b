package io.quiver.exec.function.library;

import io.quiver.exec.function.FunctionFamily;
import java.util.List;

/** The families of functions Quiver ships; a new family file is added here. */
public final class BuiltinFamilies {

  private BuiltinFamilies() {
  }

  public static List<FunctionFamily> all() {
    return List.of(new Operators(), new TextFunctions(), new PatternFunctions(), new NumericFunctions(),
        new DateTimeFunctions(), new ConditionalFunctions());
  }
}
