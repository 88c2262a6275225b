package io.quiver.planner.error;

import io.quiver.exec.function.FunctionDefinition;
import io.quiver.exec.function.FunctionRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to add to "function not found": the signatures of a function that exists under that name
 * (the arguments were wrong), or the closest names (a typo: "did you mean LENGTH?").
 */
final class FunctionHints {

  private static final Pattern NAME = Pattern.compile("(?:Function not found: |Function )([A-Za-z_][A-Za-z0-9_]*)");

  private FunctionHints() {
  }

  static String hint(String message) {
    Matcher matcher = NAME.matcher(message);
    if (!matcher.find()) {
      return "";
    }
    String name = matcher.group(1).toUpperCase(Locale.ROOT);
    FunctionRegistry registry = FunctionRegistry.builtIn();
    Optional<FunctionDefinition> known = registry.find(name);
    if (known.isPresent()) {
      return "; " + name + " takes " + known.get().signatures().stream()
          .map(signature -> signature.display(name)).collect(Collectors.joining(" or "));
    }
    List<String> closest = registry.closestNames(name, 3);
    if (closest.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(", ", closest) + "?";
  }
}
