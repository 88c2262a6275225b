package io.quiver.jdbc.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.MetaDataOperation;

/**
 * A call of one of {@code DatabaseMetaData}'s key and index methods ({@code getPrimaryKeys},
 * {@code getImportedKeys}, {@code getExportedKeys}, {@code getCrossReference}, {@code getIndexInfo})
 * as it travels from the thin driver to the server. Avatica's protocol has no request for these
 * (its remote client answers them with no rows), so the thin driver posts them to the server's
 * route {@value #PATH}{@code ?connection=ID&operation=GET_PRIMARY_KEYS&name0=...&name2=...}; a
 * name left out is null (any). The server runs the call on the connection's Meta and answers with
 * Avatica's protobuf {@code ResultSetResponse}, as it answers {@code getTables}: the same columns
 * and rows the embedded driver gives.
 *
 * @param operation which method
 * @param names its string arguments in order (catalog, schema, table; for getCrossReference the
 *     parent's three, then the foreign table's three), each possibly null
 * @param unique getIndexInfo's {@code unique}
 * @param approximate getIndexInfo's {@code approximate}
 */
public record KeyMetadataCall(MetaDataOperation operation, List<String> names, boolean unique, boolean approximate) {

  /** The server's route for these calls. */
  public static final String PATH = "/quiver/key-metadata";

  public KeyMetadataCall {
    int arity = arity(operation);
    if (arity < 0) {
      throw new IllegalArgumentException("not a key metadata operation: " + operation);
    }
    if (names.size() != arity) {
      throw new IllegalArgumentException(operation + " takes " + arity + " names, not " + names.size());
    }
    names = Collections.unmodifiableList(new ArrayList<>(names));
  }

  /** A call with the given names (and no index flags). */
  public static KeyMetadataCall of(MetaDataOperation operation, String... names) {
    return new KeyMetadataCall(operation, Arrays.asList(names), false, false);
  }

  /** How many names the operation takes; -1 for an operation that is not one of these. */
  private static int arity(MetaDataOperation operation) {
    if (operation == null) {
      return -1;
    }
    switch (operation) {
      case GET_PRIMARY_KEYS:
      case GET_IMPORTED_KEYS:
      case GET_EXPORTED_KEYS:
      case GET_INDEX_INFO:
        return 3;
      case GET_CROSS_REFERENCE:
        return 6;
      default:
        return -1;
    }
  }

  /** The route's path and query for the call on a connection. */
  String pathAndQuery(String connectionId) {
    StringBuilder query = new StringBuilder(PATH).append("?connection=").append(encode(connectionId))
        .append("&operation=").append(operation.name());
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null) {
        query.append("&name").append(i).append('=').append(encode(names.get(i)));
      }
    }
    if (operation == MetaDataOperation.GET_INDEX_INFO) {
      query.append("&unique=").append(unique).append("&approximate=").append(approximate);
    }
    return query.toString();
  }

  /**
   * The call a request names, from its query parameters.
   *
   * @throws IllegalArgumentException if the operation is missing or not one of these
   */
  public static KeyMetadataCall parse(Function<String, String> parameter) {
    String name = parameter.apply("operation");
    MetaDataOperation operation;
    try {
      operation = name == null ? null : MetaDataOperation.valueOf(name);
    } catch (IllegalArgumentException e) {
      operation = null;
    }
    int arity = arity(operation);
    if (arity < 0) {
      throw new IllegalArgumentException("expected operation=GET_PRIMARY_KEYS, GET_IMPORTED_KEYS, GET_EXPORTED_KEYS, "
          + "GET_CROSS_REFERENCE or GET_INDEX_INFO");
    }
    String[] names = new String[arity];
    for (int i = 0; i < arity; i++) {
      names[i] = parameter.apply("name" + i);
    }
    return new KeyMetadataCall(operation, Arrays.asList(names), Boolean.parseBoolean(parameter.apply("unique")),
        Boolean.parseBoolean(parameter.apply("approximate")));
  }

  /** Runs the call on a Meta (the server's). */
  public Meta.MetaResultSet apply(Meta meta, Meta.ConnectionHandle ch) {
    switch (operation) {
      case GET_PRIMARY_KEYS:
        return meta.getPrimaryKeys(ch, names.get(0), names.get(1), names.get(2));
      case GET_IMPORTED_KEYS:
        return meta.getImportedKeys(ch, names.get(0), names.get(1), names.get(2));
      case GET_EXPORTED_KEYS:
        return meta.getExportedKeys(ch, names.get(0), names.get(1), names.get(2));
      case GET_CROSS_REFERENCE:
        return meta.getCrossReference(ch, names.get(0), names.get(1), names.get(2), names.get(3), names.get(4),
            names.get(5));
      case GET_INDEX_INFO:
        return meta.getIndexInfo(ch, names.get(0), names.get(1), names.get(2), unique, approximate);
      default:
        throw new IllegalStateException("not a key metadata operation: " + operation);
    }
  }

  /** The call's arguments as the method took them (for Avatica's QueryState). */
  Object[] arguments() {
    List<Object> arguments = new ArrayList<>(names);
    if (operation == MetaDataOperation.GET_INDEX_INFO) {
      arguments.add(unique);
      arguments.add(approximate);
    }
    return arguments.toArray();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
