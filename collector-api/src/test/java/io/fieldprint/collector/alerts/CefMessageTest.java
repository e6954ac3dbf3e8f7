package io.fieldprint.collector.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.fieldprint.collector.storage.CorrelationStore.Confidence;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CefMessageTest {
  private static Alert alert(String title, String site, Double cvss, Confidence c) {
    return new Alert(
        7,
        site,
        "u-1",
        "ICSA|X",
        "2",
        "new",
        c,
        Optional.ofNullable(cvss),
        Optional.empty(),
        title,
        "{}",
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void headerEscapesPipesAndBackslashesAndExtensionEscapesEqualsAndNewlines() {
    String cef = CefMessage.format(alert("A|B\\C\nD", "we=ird\nsite", 9.8, Confidence.HIGH), "1.0");
    assertTrue(cef.startsWith("CEF:0|fieldprint|fieldprint|1.0|ICSA\\|X|A\\|B\\\\C D|10|"), cef);
    assertTrue(cef.contains(" cs1=we\\=ird\\nsite "), cef);
    assertEquals(-1, cef.indexOf('\n'));
  }

  @Test
  void severityIsTheRoundedCvssElseFollowsConfidence() {
    assertEquals(7, CefMessage.severity(alert("t", "s", 6.5, Confidence.LOW)));
    assertEquals(0, CefMessage.severity(alert("t", "s", 0.0, Confidence.HIGH)));
    assertEquals(7, CefMessage.severity(alert("t", "s", null, Confidence.HIGH)));
    assertEquals(3, CefMessage.severity(alert("t", "s", null, Confidence.LOW)));
  }
}
