package io.quiver.spi;

import java.util.List;
import java.util.Map;

/**
 * One part of a table that one task reads: plain data that travels from the driver to an executor
 * inside the task's fragment, so everything the reader needs must be in {@code properties} (a file
 * path, a key range, a partition number).
 *
 * @param properties what the connector's reader needs to read this split; keys and values are text
 *     without line breaks in the keys
 * @param hosts where the split's data lives, for {@link SplitLocality#AT_HOSTS}; empty otherwise
 */
public record Split(Map<String, String> properties, List<String> hosts) {

  public Split {
    properties = Map.copyOf(properties);
    hosts = List.copyOf(hosts);
  }

  public static Split of(Map<String, String> properties) {
    return new Split(properties, List.of());
  }
}
