package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanLimitsTest {

  @Test
  void defaultsAreValidAndMatchTheDocumentedValues() {
    ScanLimits d = ScanLimits.defaults();
    assertEquals(List.of(), d.validate());
    assertEquals(Duration.ofMillis(250), d.minGap());
    assertEquals(6, d.budget(ScanProtocol.MODBUS));
    assertEquals(25, d.budget(ScanProtocol.OPC_UA));
    assertEquals(List.of(255, 1), d.unitIds());
  }

  @Test
  void validateListsEveryInvalidValueAtOnce() {
    ScanLimits bad =
        new ScanLimits(
            Duration.ofMillis(99),
            Duration.ofSeconds(31),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            0,
            -1,
            0,
            0,
            0,
            1001,
            0,
            5000,
            List.of(255, 255, 300));
    List<String> errors = bad.validate();
    for (String setting :
        List.of(
            "minGap",
            "requestTimeout",
            "backoffMax (",
            "modbusBudget",
            "opcUaBudget",
            "breakerThreshold",
            "globalBreakerDevices",
            "maxConcurrentRequests",
            "maxRequestsPerSecond",
            "maxDevicesInProgress",
            "maxDevices ",
            "must not repeat",
            "entry 300")) {
      assertTrue(errors.stream().anyMatch(e -> e.contains(setting)), setting + " in " + errors);
    }
    assertEquals(13, errors.size(), errors.toString());
  }

  @Test
  void minGapOf100MillisecondsIsTheLowestAccepted() {
    assertEquals(List.of(), withGap(100).validate());
    assertEquals(1, withGap(99).validate().size());
  }

  @Test
  void unitIdListMustNotBeEmptyOrASweep() {
    assertTrue(withUnits(List.of()).validate().get(0).contains("never a sweep"));
    assertTrue(withUnits(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)).validate().get(0).contains("1-8"));
    assertEquals(List.of(), withUnits(List.of(255, 1, 0)).validate());
  }

  @Test
  void missingDurationsAreReportedNotThrown() {
    ScanLimits d = ScanLimits.defaults();
    ScanLimits missing =
        new ScanLimits(
            null,
            null,
            d.backoffBase(),
            d.backoffMax(),
            6,
            25,
            3,
            5,
            8,
            100,
            64,
            1024,
            d.unitIds());
    assertEquals(2, missing.validate().size());
  }

  @Test
  void builderStartsFromTheDefaultsAndChangesOnlyWhatIsSet() {
    assertEquals(ScanLimits.defaults(), ScanLimits.builder().build());
    ScanLimits l = ScanLimits.builder().modbusBudget(3).unitIds(List.of(1)).build();
    assertEquals(3, l.modbusBudget());
    assertEquals(List.of(1), l.unitIds());
    assertEquals(ScanLimits.defaults().opcUaBudget(), l.opcUaBudget());
  }

  private static ScanLimits withGap(int millis) {
    return ScanLimits.builder().minGap(Duration.ofMillis(millis)).build();
  }

  private static ScanLimits withUnits(List<Integer> units) {
    return ScanLimits.builder().unitIds(units).build();
  }
}
