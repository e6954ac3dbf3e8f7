package io.fieldprint.agent.cli;

import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.oui.MacVendors;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.passive.PassiveIdentification;
import io.fieldprint.protocols.passive.StandardDecoders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs passive identification on capture files and prints the inventory. */
final class PassiveReport {
  private PassiveReport() {}

  static int run(List<Path> files, OutputFormat format, Path out, CommandLine cli)
      throws IOException {
    PrintWriter err = cli.getErr();
    Inventory inventory = inventory(files);
    InventoryOutput.print(inventory, format, out, cli);
    boolean failed = false;
    boolean anyRead = false;
    for (InventorySource s : inventory.sources()) {
      switch (s.status()) {
        case "failed" -> {
          err.println("fieldprint: " + s.error());
          failed = true;
        }
        case "skipped" -> err.println("fieldprint: skipped " + s.error());
        default -> {
          anyRead = true;
          if (s.warnings() > 0) {
            err.println(
                "fieldprint: "
                    + s.name()
                    + ": "
                    + s.warnings()
                    + " warning(s)"
                    + (s.error() != null ? "; " + s.error() : "")
                    + " (listed in warnings[] of --format json)");
          }
        }
      }
    }
    if (!anyRead) {
      err.println("fieldprint: no capture file could be read");
      failed = true;
    }
    err.flush();
    return failed ? FieldprintCommand.EXIT_FAILURE : FieldprintCommand.EXIT_OK;
  }

  /** The inventory of the capture files (folders expanded), with the standard decoders. */
  static Inventory inventory(List<Path> files) throws IOException {
    PassiveIdentification passive =
        new PassiveIdentification(
            StandardDecoders.create(),
            DissectorLimits.defaults(),
            MergeLimits.DEFAULT,
            MacVendors.shipped()::vendorOf);
    return passive.run(CaptureArguments.expand(files));
  }
}
