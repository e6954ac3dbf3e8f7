package io.fieldprint.agent.cli;

import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Prints an inventory as a table or streams it as JSON, to {@code --out} or standard output. */
final class InventoryOutput {
  private InventoryOutput() {}

  static void print(Inventory inventory, OutputFormat format, Path out, CommandLine cli)
      throws IOException {
    if (out != null) {
      try (Writer w = Files.newBufferedWriter(out)) {
        render(inventory, format, w);
      }
    } else {
      render(inventory, format, cli.getOut());
    }
  }

  private static void render(Inventory inventory, OutputFormat format, Writer w)
      throws IOException {
    if (format == OutputFormat.json) {
      new InventoryJson(FieldprintCommand.version()).write(inventory, w);
    } else {
      w.write(new InventoryTable(inventory).render());
      w.flush();
    }
  }
}
