package io.quiver.engine.connector.plugin;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.spi.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin scan's splits as table handle properties, the plain data a fragment carries:
 * {@code splits} = N, {@code split.<i>.hosts} = comma-separated hosts, {@code split.<i>.p.<key>} =
 * a split property.
 */
final class SplitProperties {

  static final String COUNT = "splits";
  private static final String PREFIX = "split.";

  private SplitProperties() {
  }

  static Map<String, String> encode(List<Split> splits) {
    Map<String, String> properties = new HashMap<>();
    properties.put(COUNT, Integer.toString(splits.size()));
    for (int i = 0; i < splits.size(); i++) {
      Split split = splits.get(i);
      properties.put(PREFIX + i + ".hosts", String.join(",", split.hosts()));
      for (Map.Entry<String, String> entry : split.properties().entrySet()) {
        properties.put(PREFIX + i + ".p." + entry.getKey(), entry.getValue());
      }
    }
    return properties;
  }

  static Split decode(Map<String, String> properties, int index) {
    String count = properties.get(COUNT);
    if (count == null || index < 0 || index >= Integer.parseInt(count)) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "split " + index + " is not in the scan's " + count
          + " splits");
    }
    String prefix = PREFIX + index + ".p.";
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        values.put(entry.getKey().substring(prefix.length()), entry.getValue());
      }
    }
    String hosts = properties.getOrDefault(PREFIX + index + ".hosts", "");
    List<String> hostList = hosts.isEmpty() ? List.of() : new ArrayList<>(List.of(hosts.split(",")));
    return new Split(values, hostList);
  }
}
