package io.quiver.jdbc;

import io.quiver.engine.Quiver;
import io.quiver.engine.QuiverConfig;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.util.Properties;

/**
 * The one embedded engine of this JVM that {@code jdbc:quiver:} connections share. It starts on the
 * first connection (whose {@code slots} and {@code dataDir} properties, if any, set it up) and stops when the JVM exits.
 */
final class EmbeddedEngine {

  private static Quiver engine;

  private EmbeddedEngine() {
  }

  static synchronized Quiver get(Properties info) {
    if (engine == null) {
      QuiverConfig config = QuiverConfig.defaults();
      String slots = ConnectionProperties.get(info, ConnectionProperties.SLOTS);
      if (slots != null) {
        int count = parseSlots(slots);
        config = config.withSlots(count).withShufflePartitions(2 * count);
      }
      String dataDirectories = ConnectionProperties.get(info, ConnectionProperties.DATA_DIR);
      if (dataDirectories != null) {
        config = config.withDataDirectories(QuiverConfig.parseDataDirectories(dataDirectories));
      }
      Quiver started = Quiver.local(config);
      engine = started;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (RuntimeException e) {
          // Exiting anyway; a leak report at exit must not hide the program's own exit status.
        }
      }, "quiver-embedded-shutdown"));
    }
    return engine;
  }

  private static int parseSlots(String text) {
    try {
      int slots = Integer.parseInt(text.trim());
      if (slots >= 1) {
        return slots;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new QuiverException(ErrorCode.INVALID_PARAMETER,
        "connection property slots must be a positive integer, was '" + text + "'");
  }
}
