package io.quiver.cli;

import io.quiver.engine.QuiverConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --data-dir DIR} (repeatable, any subcommand): the directories whose files SQL may read and
 * write; without it, the directory Quiver runs in. Taken out of the arguments before the subcommand
 * sees them and handed to the engine as the {@link QuiverConfig#DATA_DIRECTORIES_PROPERTY} property.
 */
final class DataDirOption {

  static final String USAGE = "  --data-dir DIR  a directory files may be read from and written to (repeatable;"
      + " default: the current directory)";

  private DataDirOption() {
  }

  /** The arguments without the {@code --data-dir} options, which it applies. */
  static String[] apply(String[] args) throws QuiverCli.UsageException {
    List<String> rest = new ArrayList<>();
    List<String> directories = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      if (arg.equals("--data-dir")) {
        if (i + 1 >= args.length) {
          throw new QuiverCli.UsageException("--data-dir needs a directory");
        }
        value = args[++i];
      } else if (arg.startsWith("--data-dir=")) {
        value = arg.substring("--data-dir=".length());
      } else {
        rest.add(arg);
        continue;
      }
      if (!Files.isDirectory(Path.of(value))) {
        throw new QuiverCli.UsageException("--data-dir " + value + ": no such directory");
      }
      directories.add(Path.of(value).toAbsolutePath().toString());
    }
    if (!directories.isEmpty()) {
      System.setProperty(QuiverConfig.DATA_DIRECTORIES_PROPERTY, String.join(File.pathSeparator, directories));
    }
    return rest.toArray(new String[0]);
  }
}
