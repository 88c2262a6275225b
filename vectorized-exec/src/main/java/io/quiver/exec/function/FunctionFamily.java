package io.quiver.exec.function;

import java.util.List;

/**
 * A file of related function definitions (text padding, regular expressions, date arithmetic ...).
 * {@link FunctionRegistry} lists the families; adding a function to a family is an edit of one file.
 */
public interface FunctionFamily {

  List<FunctionDefinition> definitions();
}
