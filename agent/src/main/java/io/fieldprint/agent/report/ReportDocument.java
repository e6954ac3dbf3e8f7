package io.fieldprint.agent.report;

import java.util.List;

/**
 * The report as one self-contained XHTML document: inline style sheet, no scripts, no external
 * resources, every value from the inventory escaped. Printable as it is and the input of {@link
 * PdfReport}.
 */
public final class ReportDocument {
  private static final String CSS =
      """
      @page { size: A4; margin: 14mm 12mm 16mm 12mm;
        @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 7pt; } }
      body { font-family: sans-serif; font-size: 8.5pt; color: #111; }
      h1 { font-size: 16pt; margin: 0 0 2mm 0; }
      h2 { font-size: 12.5pt; border-bottom: 1px solid #555; margin-top: 7mm; page-break-after: avoid; }
      h3 { font-size: 10pt; margin: 4mm 0 1mm 0; page-break-after: avoid; }
      h4 { font-size: 8.5pt; margin: 3mm 0 1mm 0; page-break-after: avoid; }
      table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm 0; table-layout: fixed;
        -fs-table-paginate: paginate; }
      th, td { border: 1px solid #bbb; padding: 1mm; vertical-align: top; text-align: left;
        word-wrap: break-word; overflow-wrap: break-word; }
      th { background: #e8e8e8; }
      tr { page-break-inside: avoid; }
      caption { text-align: left; font-weight: bold; padding: 1mm 0; }
      .cols table.counts { width: 48%; display: inline-table; margin-right: 1%; }
      .n { text-align: right; }
      .mono { font-family: monospace; }
      .cve { white-space: nowrap; }
      .small { font-size: 7pt; }
      .lead { font-size: 10pt; }
      .meta { color: #444; }
      tr.kev td { background: #fde2e2; }
      .kevtag { font-weight: bold; color: #9b0000; }
      .iec { border-left: 3px solid #36c; padding-left: 2mm; margin: 1mm 0 2mm 0; }
      .note { font-weight: bold; }
      .none { font-style: italic; }
      tr.sev-high td:first-child, tr.sev-critical td:first-child { color: #9b0000; font-weight: bold; }
      """;

  private ReportDocument() {}

  /** Renders the report. */
  public static String render(ReportInput in, Iec62443Mapping mapping, ReportLimits limits) {
    int max = limits.valueChars();
    String title = "Security inventory report" + (in.site() == null ? "" : " \u2014 " + in.site());
    List<RemediationStep> plan = RemediationStep.plan(in.matches());
    AssetLabels labels = new AssetLabels(in.inventory().assets(), max);
    Xhtml x = new Xhtml();
    x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
    x.open("head").open("meta", "charset", "UTF-8").close();
    x.element("title", ShownValue.of(title, max)).style(CSS).close();
    x.open("body");
    x.element("h1", ShownValue.of(title, max));
    x.element(
        "p",
        "Generated "
            + ShownValue.time(in.generatedAt())
            + " by "
            + in.generator()
            + " from "
            + ShownValue.of(in.inventoryFile(), max)
            + ". Sections: summary, remediation plan, device inventory, posture findings, method"
            + (in.audit() == null ? "." : ", appendix: audit log."),
        "class",
        "meta");
    SummarySection.write(x, in, plan);
    RemediationSection.write(x, plan, labels, limits);
    InventorySection.write(x, in.inventory().assets(), limits);
    FindingsSection.write(x, in.inventory().findings(), mapping, labels, limits);
    MethodSection.write(x, in, limits);
    MethodSection.appendix(x, in.audit(), max);
    x.close().close();
    return x.document();
  }
}
