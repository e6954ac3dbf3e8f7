package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fieldprint.protocols.testing.ModbusDevice;
import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir static Path tmp;
  private static Path inventory;
  private static Path store;
  private static Path advisories;

  /**
   * A real inventory: an S7 CPU (IM151-8 PN/DP, V3.2.6) from the ITI S7 captures, a 1756-ENBT from
   * the ICSNPP EtherNet/IP trace and a python-opcua server with posture findings; three real CISA
   * advisories that match; a store whose KEV catalog lists the lowest-scored advisory's CVE.
   */
  @BeforeAll
  static void inventoryFromRealCapturesAndAStoreWithKev() throws Exception {
    Path pcaps = SharedData.root().resolve("pcaps");
    inventory = tmp.resolve("inventory.json");
    List<String> args = new ArrayList<>(List.of("pcap", "--format", "json", "--out"));
    args.add(inventory.toString());
    try (var s7 = Files.list(pcaps.resolve("iti-ics-security-tools/s7"))) {
      s7.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(p -> args.add(p.toString()));
    }
    args.add(pcaps.resolve("icsnpp-enip/enip_cip_example.pcap").toString());
    args.add(
        pcaps.resolve("icsnpp-opcua-binary/python_opcua-client-server_minimal.pcap").toString());
    CliRun pcap = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, pcap.exit(), pcap.err());

    Path cisa = SharedData.root().resolve("csaf/cisa/csaf_files/OT/white");
    advisories = Files.createDirectory(tmp.resolve("advisories"));
    for (String doc :
        List.of(
            "2019/icsa-19-099-06.json", "2018/icsa-18-310-02.json", "2022/icsa-22-314-02.json")) {
      Files.createSymbolicLink(
          advisories.resolve(doc.substring(5)), cisa.resolve(doc).toAbsolutePath());
    }
    store = tmp.resolve("advisories.db");
    Path kev =
        Files.writeString(
            tmp.resolve("kev.json"),
            """
        {"catalogVersion":"2024.06.10","dateReleased":"2024-06-10T15:00:04Z","count":1,
         "vulnerabilities":[{"cveID":"CVE-2022-30694","vendorProject":"Siemens",
         "product":"SIMATIC","vulnerabilityName":"test entry","dateAdded":"2024-01-02",
         "dueDate":"2024-01-23","knownRansomwareCampaignUse":"Unknown","notes":""}]}
        """);
    CliRun k = CliRun.of("advisories", "import-kev", "--store", store.toString(), kev.toString());
    assertEquals(0, k.exit(), k.err());
  }

  @Test
  void aPdfReportOfARealInventoryRendersAFirstPageWithTheSummaryAndCves() throws Exception {
    Path pdf = tmp.resolve("report.pdf");
    CliRun run = report(pdf, "--site", "Test site");

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));

    exec(
        "pdftoppm",
        "-png",
        "-r",
        "50",
        "-f",
        "1",
        "-l",
        "1",
        pdf.toString(),
        tmp.resolve("page").toString());
    Path png = tmp.resolve("page-1.png");
    if (!Files.exists(png)) {
      png = tmp.resolve("page-01.png");
    }
    assertTrue(Files.exists(png), "pdftoppm wrote the first page");
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(Math.abs(image.getWidth() - 413) <= 10, "A4 width at 50 dpi: " + image.getWidth());
    assertTrue(
        Math.abs(image.getHeight() - 585) <= 10, "A4 height at 50 dpi: " + image.getHeight());
    assertTrue(inkedFraction(image) > 0.01, "the page is not blank: " + inkedFraction(image));

    String text = exec("pdftotext", "-layout", pdf.toString(), "-");
    assertTrue(text.contains("Security inventory report") && text.contains("Test site"), text);
    assertTrue(text.contains("Summary"), text);
    assertTrue(text.contains("CVE-2019-6568"), text);
    int kev = text.indexOf("ICSA-22-314-02");
    int higherCvss = text.indexOf("ICSA-18-310-02");
    assertTrue(kev > 0 && higherCvss > kev, "the KEV advisory (CVSS 6.5) leads the 8.6 one");
    assertTrue(text.contains("SR 1.1"), "the OPC UA anonymous access finding's mapping");
  }

  @Test
  void anHtmlReportMatchesTheSameWayAsTheMatchCommandAndShowsTheEvidence() throws Exception {
    Path html = tmp.resolve("report.html");
    CliRun run = report(html);

    assertEquals(0, run.exit(), run.err());
    String text = Files.readString(html);
    assertTrue(text.contains("ICSA-19-099-06") && text.contains("V3.2.16"), "fixed version");
    assertTrue(text.contains("6ES7 151-8AB01-0AB0"), "the S7 order number");
    assertTrue(text.contains("s7comm.szl-module-identification"), "the evidence source");
    assertTrue(text.contains("s7comm_program_blocklist_onlineview.pcap#frame=20"), "its frame");
    assertTrue(text.contains("device reported"), "how far it is trusted");
    assertTrue(text.contains("opcua.security-mode-none"), "the finding");
  }

  @Test
  void matchesAlreadyInTheInventoryAreShownWhenNoAdvisoriesAreGiven() throws Exception {
    Path matched = tmp.resolve("matched.json");
    List<String> args = new ArrayList<>(List.of("match", "--store", store.toString()));
    args.addAll(List.of("--inventory", inventory.toString(), "--format", "json"));
    args.addAll(List.of("--out", matched.toString(), "--advisories", advisories.toString()));
    CliRun m = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, m.exit(), m.err());
    Path html = tmp.resolve("from-matches.html");

    CliRun run = CliRun.of("report", "--inventory", matched.toString(), "--out", html.toString());

    assertEquals(0, run.exit(), run.err());
    String text = Files.readString(html);
    assertTrue(text.contains("ICSA-19-099-06"), "the recorded match");
    assertTrue(text.contains("the matches recorded in the inventory"), "and where it came from");
  }

  @Test
  void theScanAuditLogIsCountedPerTargetAndFunction() throws Exception {
    Path log = tmp.resolve("scan-audit.jsonl");
    Path scanned = tmp.resolve("scan.json");
    String target;
    try (ModbusTestServer server = ModbusTestServer.start(ModbusDevice.acme())) {
      target = server.target("/255");
      CliRun scan =
          CliRun.of(
              "scan",
              target,
              "--format",
              "json",
              "--out",
              scanned.toString(),
              "--audit-log",
              log.toString());
      assertEquals(0, scan.exit(), scan.err());
    }
    Path html = tmp.resolve("scan.html");

    CliRun run =
        CliRun.of(
            "report",
            "--inventory",
            scanned.toString(),
            "--audit",
            log.toString(),
            "--out",
            html.toString());

    assertEquals(0, run.exit(), run.err());
    String text = Files.readString(html);
    long lines = Files.readAllLines(log).size();
    assertTrue(text.contains(lines + " requests recorded"), text);
    assertTrue(text.contains("FC 43/14"), "the function");
    assertTrue(text.contains(target), "the target");
    assertTrue(text.contains("id=\"appendix-audit\""), "the appendix");
  }

  @Test
  void aTruncatedInventoryFailsWithOneLineAndExitOne() throws Exception {
    String whole = Files.readString(inventory);
    Path cut = Files.writeString(tmp.resolve("cut.json"), whole.substring(0, whole.length() / 2));

    CliRun run =
        CliRun.of(
            "report", "--inventory", cut.toString(), "--out", tmp.resolve("x.html").toString());

    assertOneLineFailure(run, "--inventory " + cut);
    assertFalse(Files.exists(tmp.resolve("x.html")), "nothing is written");
  }

  @Test
  void hostileInventoriesFailWithOneLineAndExitOne() throws Exception {
    List<String> hostile =
        List.of(
            "",
            "[]",
            "null",
            "{\"schema\":\"fieldprint.inventory/1\",\"assets\":[{\"id\":\"a\",\"role\":\"<b>x</b>\"}]}",
            "{\"schema\":\"fieldprint.inventory/1\",\"assets\":[{\"id\":\"a\",\"firstSeen\":\"yesterday\"}]}",
            "{\"schema\":\"fieldprint.inventory/1\",\"findings\":[{\"severity\":\"apocalyptic\"}]}",
            "[".repeat(5000));
    int i = 0;
    for (String text : hostile) {
      Path file = Files.writeString(tmp.resolve("hostile-" + i++ + ".json"), text);
      CliRun run =
          CliRun.of(
              "report", "--inventory", file.toString(), "--out", tmp.resolve("h.html").toString());
      assertOneLineFailure(run, "--inventory " + file);
    }
  }

  @Test
  void anOutputThatIsNeitherHtmlNorPdfIsAUsageError() {
    CliRun run =
        CliRun.of(
            "report",
            "--inventory",
            inventory.toString(),
            "--out",
            tmp.resolve("r.txt").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--format html|pdf"), run.err());
  }

  private static void assertOneLineFailure(CliRun run, String names) {
    assertEquals(1, run.exit(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("fieldprint: " + names), run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
  }

  private static CliRun report(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("report", "--store", store.toString()));
    args.addAll(List.of("--inventory", inventory.toString(), "--out", out.toString()));
    args.addAll(List.of("--advisories", advisories.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static double inkedFraction(BufferedImage image) {
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int lum = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        if (lum < 200) {
          inked++;
        }
      }
    }
    return (double) inked / ((long) image.getWidth() * image.getHeight());
  }

  private static String exec(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail(command[0] + " is missing: install poppler-utils (scripts/setup does) to check the PDF");
      throw e;
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " finished");
    assertEquals(0, p.exitValue(), command[0] + ": " + new String(out, StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }
}
