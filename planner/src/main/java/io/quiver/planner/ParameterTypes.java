package io.quiver.planner;

import io.quiver.exec.type.Column;
import java.util.List;

/**
 * The types of a query's {@code ?} markers as the validator infers them, and the tables the query
 * names (so that whoever asks can check the user may read them, as for a plan).
 *
 * @param parameters one per marker, in order, named {@code ?1}, {@code ?2}, ...; nullable
 * @param tablesRead the tables and views the query names itself
 */
public record ParameterTypes(List<Column> parameters, List<List<String>> tablesRead) {

  public ParameterTypes {
    parameters = List.copyOf(parameters);
    tablesRead = List.copyOf(tablesRead);
  }
}
