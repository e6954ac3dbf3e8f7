package io.fieldprint.agent.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Prints the report's XHTML to PDF with openhtmltopdf (PDFBox). Only the PDF standard fonts are
 * used (Helvetica, Courier: nothing embedded, nothing fetched); characters outside their
 * Windows-1252 repertoire print as "#" (the HTML report shows them). Nothing is loaded from
 * anywhere: every URI the document could name resolves to nothing.
 */
public final class PdfReport {
  private PdfReport() {}

  /** Writes {@code xhtml} as PDF to {@code out}. */
  public static void write(String xhtml, String producer, OutputStream out) throws IOException {
    XRLog.setLoggingEnabled(false);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useUriResolver((base, uri) -> null);
    builder.withProducer(producer);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
  }
}
