package io.quiver.engine.connector.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.spi.ConnectorException;
import io.quiver.spi.Split;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The plain-data forms a plugin connector's splits, settings and errors take in the engine. */
class PluginConnectorsTest {

  @Test
  void splitsSurviveTheTableHandlesProperties() {
    List<Split> splits = List.of(new Split(Map.of("path", "/data/a b.bin", "range", "0-9"), List.of("h1", "h2")),
        Split.of(Map.of()), Split.of(Map.of("p.q", "x=y")));
    Map<String, String> properties = SplitProperties.encode(splits);
    for (int i = 0; i < splits.size(); i++) {
      assertEquals(splits.get(i), SplitProperties.decode(properties, i));
    }
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class,
        () -> SplitProperties.decode(properties, 3)).errorCode());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(QuiverException.class,
        () -> SplitProperties.decode(properties, -1)).errorCode());
  }

  @Test
  void aConnectorsSettingsAreItsSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("quiver.connector.numbers.rows", "5");
    properties.setProperty("quiver.connector.numbersx.rows", "6");
    properties.setProperty("quiver.connector.other.rows", "7");
    assertEquals(Map.of("rows", "5"), PluginConnectors.settings("numbers", properties));
  }

  @Test
  void aConnectorsSqlStateChoosesTheErrorCode() {
    assertEquals(ErrorCode.DIVISION_BY_ZERO,
        PluginConnectors.toQuiverException("c", new ConnectorException("22012", "x")).errorCode());
    assertEquals(ErrorCode.IO_ERROR,
        PluginConnectors.toQuiverException("c", new ConnectorException("ZZ999", "x")).errorCode());
    assertThrows(IllegalArgumentException.class, () -> new ConnectorException("123", "not a SQLSTATE"));
  }
}
