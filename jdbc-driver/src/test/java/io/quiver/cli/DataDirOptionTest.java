package io.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quiver.engine.QuiverConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: taken out of the arguments of any subcommand and passed to the engine's defaults. */
class DataDirOptionTest {

  @TempDir
  Path first;
  @TempDir
  Path second;

  @AfterEach
  void clearProperty() {
    System.clearProperty(QuiverConfig.DATA_DIRECTORIES_PROPERTY);
  }

  @Test
  void repeatedOptionsBecomeTheDefaultDataDirectories() throws Exception {
    String[] rest = DataDirOption.apply(new String[] {"--data-dir", first.toString(), "-e", "SELECT 1",
        "--data-dir=" + second});
    assertArrayEquals(new String[] {"-e", "SELECT 1"}, rest);
    assertEquals(first + File.pathSeparator + second, System.getProperty(QuiverConfig.DATA_DIRECTORIES_PROPERTY));
    assertEquals(List.of(first, second), QuiverConfig.defaults().dataDirectories());
  }

  @Test
  void withoutTheOptionTheWorkingDirectoryIsTheDataDirectory() throws Exception {
    assertArrayEquals(new String[] {"-e", "x"}, DataDirOption.apply(new String[] {"-e", "x"}));
    assertEquals(List.of(Path.of("").toAbsolutePath()), QuiverConfig.defaults().effectiveDataDirectories());
  }

  @Test
  void aMissingDirectoryOrValueIsAUsageError() {
    QuiverCli.UsageException missing = assertThrows(QuiverCli.UsageException.class,
        () -> DataDirOption.apply(new String[] {"--data-dir", first.resolve("nosuch").toString()}));
    assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
    assertThrows(QuiverCli.UsageException.class, () -> DataDirOption.apply(new String[] {"--data-dir"}));
  }
}
