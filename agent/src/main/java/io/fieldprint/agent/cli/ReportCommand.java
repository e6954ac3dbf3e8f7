package io.fieldprint.agent.cli;

import io.fieldprint.advisories.prioritise.PrioritisedMatch;
import io.fieldprint.agent.report.AuditTrail;
import io.fieldprint.agent.report.Iec62443Mapping;
import io.fieldprint.agent.report.PdfReport;
import io.fieldprint.agent.report.ReportDocument;
import io.fieldprint.agent.report.ReportInput;
import io.fieldprint.agent.report.ReportLimits;
import io.fieldprint.agent.report.ReportMatch;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventoryFormatException;
import io.fieldprint.protocols.inventory.InventoryJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldprint report}: the audit report of an inventory as HTML or PDF. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the site report of an inventory: summary, remediation plan ordered by risk (KEV,"
          + " CVSS, EPSS), device inventory with the evidence behind each field, posture"
          + " findings mapped to IEC 62443-3-3 / 62443-4-2, and the method (inputs and the"
          + " scan's audit log).",
      "Without --advisories the matches already in the inventory (fieldprint match) are shown."
    })
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption storeOption;

  @Option(
      names = "--inventory",
      required = true,
      paramLabel = "FILE",
      description = "inventory JSON (fieldprint.inventory/1)")
  Path inventory;

  @Option(
      names = "--advisories",
      paramLabel = "PATH|store",
      description = "match against CSAF files or folders, or 'store' for the advisory store")
  String advisories;

  @Option(
      names = "--audit",
      paramLabel = "FILE",
      description = "the scan's audit log (fieldprint scan --audit-log FILE)")
  Path audit;

  @Option(names = "--site", paramLabel = "NAME", description = "site name for the title")
  String site;

  @Option(
      names = "--min-confidence",
      defaultValue = "possible",
      description = "confirmed, likely or possible (default: ${DEFAULT-VALUE})")
  MatchCommand.MinConfidence minConfidence;

  @Option(
      names = "--format",
      paramLabel = "html|pdf",
      description = "html or pdf; default: from the --out extension")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "report.html or report.pdf")
  Path out;

  /** The matches a report shows and where they came from. */
  private record Matches(List<ReportMatch> list, String origin) {}

  @Override
  public Integer call() throws IOException {
    boolean pdf = pdf();
    ReportLimits limits = ReportLimits.defaults();
    Inventory inv = readInventory(limits);
    AuditTrail trail = readAudit(limits);
    Matches matches = advisories != null ? matchNow(inv) : recorded(inv);
    String generator = "fieldprint " + FieldprintCommand.version();
    ReportInput input =
        new ReportInput(
            site,
            Instant.now(),
            generator,
            inventory.toString(),
            inv,
            matches.list(),
            matches.origin(),
            minConfidence.name(),
            trail);
    String xhtml = ReportDocument.render(input, Iec62443Mapping.shipped(), limits);
    write(xhtml, pdf, generator);
    return FieldprintCommand.EXIT_OK;
  }

  private Matches matchNow(Inventory inv) {
    try (MatchRun run = MatchRun.open(advisories, storeOption, spec.commandLine())) {
      return new Matches(
          run.correlate(inv.assets(), minConfidence.level).stream()
              .sorted(PrioritisedMatch.BY_RISK)
              .map(m -> ReportMatch.fromJson(m.toJson()))
              .toList(),
          run.describe());
    }
  }

  private Matches recorded(Inventory inv) {
    int lowest = minConfidence.level.ordinal();
    return new Matches(
        inv.matches().stream()
            .map(ReportMatch::fromJson)
            .filter(m -> m.confidenceRank() <= lowest)
            .toList(),
        inv.matches().isEmpty()
            ? "none (no --advisories, and the inventory holds no matches)"
            : "the matches recorded in the inventory (fieldprint match)");
  }

  private boolean pdf() {
    String f = format;
    if (f == null) {
      String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
      f =
          name.endsWith(".pdf")
              ? "pdf"
              : name.endsWith(".html") || name.endsWith(".htm") ? "html" : "";
    }
    return switch (f.toLowerCase(Locale.ROOT)) {
      case "pdf" -> true;
      case "html" -> false;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--out must end in .html or .pdf, or give --format html|pdf");
    };
  }

  private Inventory readInventory(ReportLimits limits) throws IOException {
    if (!Files.isRegularFile(inventory)) {
      throw new IOException("cannot read the inventory " + inventory + ": no such file");
    }
    if (Files.size(inventory) > limits.inventoryBytes()) {
      throw new IOException(
          "--inventory " + inventory + ": larger than " + limits.inventoryBytes() + " bytes");
    }
    try {
      return InventoryJson.read(Files.readString(inventory, StandardCharsets.UTF_8));
    } catch (InventoryFormatException e) {
      throw new IOException("--inventory " + inventory + ": " + oneLine(e.getMessage()));
    } catch (IOException e) {
      throw new IOException("--inventory " + inventory + ": not UTF-8 text");
    }
  }

  private AuditTrail readAudit(ReportLimits limits) throws IOException {
    if (audit == null) {
      return null;
    }
    if (!Files.isRegularFile(audit)) {
      throw new IOException("cannot read the audit log " + audit + ": no such file");
    }
    try {
      return AuditTrail.read(audit, limits);
    } catch (IOException e) {
      throw new IOException("--audit " + audit + ": " + oneLine(String.valueOf(e.getMessage())));
    }
  }

  private void write(String xhtml, boolean pdf, String generator) throws IOException {
    byte[] bytes;
    if (pdf) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try {
        PdfReport.write(xhtml, generator, buffer);
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot print the PDF: " + oneLine(String.valueOf(e.getMessage())));
      }
      bytes = buffer.toByteArray();
    } else {
      bytes = xhtml.getBytes(StandardCharsets.UTF_8);
    }
    Files.write(out, bytes);
  }

  private static String oneLine(String text) {
    String s = text.replaceAll("\\s+", " ").strip();
    return s.length() > 300 ? s.substring(0, 300) + "\u2026" : s;
  }
}
