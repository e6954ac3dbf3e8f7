package io.fieldprint.advisories.prioritise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FeedReadersTest {
  /** Two entries in the published shape of known_exploited_vulnerabilities.json. */
  static final String KEV =
      """
      {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2024.06.10",
       "dateReleased":"2024-06-10T15:00:04.1138Z","count":2,"vulnerabilities":[
        {"cveID":"CVE-2021-22681","vendorProject":"Rockwell Automation","product":"Logix PLCs",
         "vulnerabilityName":"Rockwell Automation Logix PLCs Insufficiently Protected Credentials",
         "dateAdded":"2022-03-25","shortDescription":"...","requiredAction":"Apply updates.",
         "dueDate":"2022-04-15","knownRansomwareCampaignUse":"Unknown","notes":"","cwes":["CWE-522"]},
        {"cveID":"CVE-2019-0708","vendorProject":"Microsoft","product":"Remote Desktop Services",
         "vulnerabilityName":"BlueKeep","dateAdded":"2021-11-03","shortDescription":"...",
         "requiredAction":"Apply updates.","dueDate":"2022-05-03",
         "knownRansomwareCampaignUse":"Known","notes":""}]}
      """;

  static final String EPSS =
      "#model_version:v2023.03.01,score_date:2024-06-10T00:00:00+0000\n"
          + "cve,epss,percentile\n"
          + "CVE-2021-22681,0.00521,0.76874\n"
          + "CVE-2019-0708,0.97468,0.99971\n";

  @Test
  void aKevCatalogInThePublishedFormatIsRead() {
    KevCatalog c =
        assertInstanceOf(KevCatalog.class, KevReader.read(KEV.getBytes(StandardCharsets.UTF_8)));
    assertEquals("2024.06.10", c.catalogVersion());
    assertEquals(2, c.entries().size());
    KevEntry bluekeep = c.entries().get(1);
    assertEquals("CVE-2019-0708", bluekeep.cveId());
    assertEquals("2021-11-03", bluekeep.dateAdded());
    assertEquals("Known", bluekeep.knownRansomwareCampaignUse());
  }

  @Test
  void aKevCatalogWithABadCveIdIsRefusedWhole() {
    String bad = KEV.replace("CVE-2019-0708", "not-a-cve");
    FeedFile<KevCatalog> r = KevReader.read(bad.getBytes(StandardCharsets.UTF_8));
    FeedFile.Rejected<?> rejected = assertInstanceOf(FeedFile.Rejected.class, r);
    assertTrue(rejected.reason().contains("vulnerabilities[1].cveID"), rejected.reason());
    assertInstanceOf(FeedFile.Rejected.class, KevReader.read("[1,2]".getBytes()));
  }

  @Test
  void anEpssFilePlainOrGzippedIsReadWithItsModelVersionAndDate() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(EPSS.getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] bytes : new byte[][] {EPSS.getBytes(StandardCharsets.UTF_8), gz.toByteArray()}) {
      EpssScores s =
          assertInstanceOf(EpssScores.class, EpssReader.read(new ByteArrayInputStream(bytes)));
      assertEquals("v2023.03.01", s.modelVersion());
      assertEquals("2024-06-10T00:00:00+0000", s.scoreDate());
      assertEquals(new EpssScore("CVE-2019-0708", 0.97468, 0.99971), s.scores().get(1));
    }
  }

  @Test
  void anEpssFileWithAMalformedLineIsRefusedNamingTheLine() throws IOException {
    String bad = EPSS + "CVE-2020-0001,1.7,0.5\n";
    FeedFile<EpssScores> r =
        EpssReader.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)));
    FeedFile.Rejected<?> rejected = assertInstanceOf(FeedFile.Rejected.class, r);
    assertEquals("line 5: not cve,epss,percentile", rejected.reason());
    String huge = EPSS + "CVE-2020-0001," + "9".repeat(100_000) + ",0.5\n";
    FeedFile<EpssScores> tooLong =
        EpssReader.read(new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "line 5: not cve,epss,percentile",
        assertInstanceOf(FeedFile.Rejected.class, tooLong).reason());
    FeedFile<EpssScores> noHeader =
        EpssReader.read(new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)));
    assertInstanceOf(FeedFile.Rejected.class, noHeader);
  }
}
