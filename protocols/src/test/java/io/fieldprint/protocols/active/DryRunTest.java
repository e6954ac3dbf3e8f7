package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Parsed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DryRunTest {

  private static ScanTarget target(String uri) {
    return (ScanTarget) ((Parsed.Ok<?>) ScanTargetParser.parse(uri)).value();
  }

  private static final String GOLDEN =
      """
      dry run: nothing is sent; 3 target(s)

      modbus://10.0.0.5:502 (unit ids 255, 1; budget 6)
         1. 00 01 00 00 00 05 FF 2B 0E 01 00  unit 255 FC 43/14 Read Device Identification, basic (ReadDevIdCode 1) from object 0x00 [always]
         2. 00 02 00 00 00 05 FF 2B 0E 02 00  unit 255 FC 43/14 Read Device Identification, regular (ReadDevIdCode 2) from object 0x00 [if unit 255 conformity is regular or extended]
         3. 00 03 00 00 00 05 FF 2B 0E 03 00  unit 255 FC 43/14 Read Device Identification, extended (ReadDevIdCode 3) from object 0x00 [if unit 255 conformity is extended]
         4. 00 04 00 00 00 02 FF 11  unit 255 FC 17 Report Server ID [if unit 255 answered]
         5. 00 02 00 00 00 05 01 2B 0E 01 00  unit 1 FC 43/14 Read Device Identification, basic (ReadDevIdCode 1) from object 0x00 [if unit 255 did not answer]
         6. 00 03 00 00 00 05 01 2B 0E 02 00  unit 1 FC 43/14 Read Device Identification, regular (ReadDevIdCode 2) from object 0x00 [if unit 1 conformity is regular or extended]
         7. 00 04 00 00 00 05 01 2B 0E 03 00  unit 1 FC 43/14 Read Device Identification, extended (ReadDevIdCode 3) from object 0x00 [if unit 1 conformity is extended]
         8. 00 05 00 00 00 02 01 11  unit 1 FC 17 Report Server ID [if unit 1 answered]

      modbus://10.0.0.6:502/0 (unit ids 0; budget 6)
         1. 00 01 00 00 00 05 00 2B 0E 01 00  unit 0 FC 43/14 Read Device Identification, basic (ReadDevIdCode 1) from object 0x00 [always]
         2. 00 02 00 00 00 05 00 2B 0E 02 00  unit 0 FC 43/14 Read Device Identification, regular (ReadDevIdCode 2) from object 0x00 [if unit 0 conformity is regular or extended]
         3. 00 03 00 00 00 05 00 2B 0E 03 00  unit 0 FC 43/14 Read Device Identification, extended (ReadDevIdCode 3) from object 0x00 [if unit 0 conformity is extended]
         4. 00 04 00 00 00 02 00 11  unit 0 FC 17 Report Server ID [if unit 0 answered]

      opc.tcp://10.0.0.7:4840/UA (budget 25)
         1. GetEndpoints - endpoints, security policies, certificates [always]
         2. FindServers - application descriptions and discovery URLs [always]
         3. OpenSecureChannel - SecurityPolicy None, MessageSecurityMode None [if an endpoint offers SecurityPolicy None with an anonymous user token]
         4. CreateSession - session for the fieldprint application [if an endpoint offers SecurityPolicy None with an anonymous user token]
         5. ActivateSession (ANONYMOUS) - anonymous user identity token [if an endpoint offers SecurityPolicy None with an anonymous user token]
         6. Read - Server BuildInfo (i=2261..2266) and ServerStatus [if an endpoint offers SecurityPolicy None with an anonymous user token]
         7. Browse - DI DeviceSet (nsu=http://opcfoundation.org/UA/DI/;i=5001) [if the server has the DI namespace]
         8. Read - DI identification properties of each device found [if the DeviceSet has devices]
         9. CloseSession - delete subscriptions: true [if a session was created]
        10. CloseSecureChannel [if a secure channel was opened]
      """;

  @Test
  void dryRunPrintsEveryModbusFrameByteForByteAndEveryOpcUaServiceInOrder() {
    List<ScanTarget> targets =
        Stream.of("modbus://10.0.0.5:502", "modbus://10.0.0.6:502/0", "opc.tcp://10.0.0.7:4840/UA")
            .map(DryRunTest::target)
            .toList();
    assertEquals(
        GOLDEN, DryRun.render(targets, ScanLimits.defaults(), RequestPolicy.anonymousOnly()));
  }

  @Test
  void requestsWhosePathWouldExceedTheBudgetAreLeftOutAndCounted() {
    ScanLimits limits = ScanLimits.builder().modbusBudget(4).unitIds(List.of(255, 1, 0)).build();
    ScanTarget target = target("modbus://10.0.0.5:502");
    List<PlannedRequest> plan = ScanPlan.forTarget(target, limits);
    assertEquals(9, plan.size());
    assertTrue(plan.stream().allMatch(p -> p.step() <= 4));
    String text = DryRun.render(List.of(target), limits, RequestPolicy.anonymousOnly());
    assertTrue(text.contains("left out: 3 request(s) whose path would exceed the budget"), text);
    assertTrue(text.contains("00 04 00 00 00 02 FF 11  unit 255 FC 17"), text);
    assertTrue(text.contains("00 04 00 00 00 05 00 2B 0E 02 00  unit 0"), text);
  }

  @Test
  void everyPlannedRequestPassesThePolicyEvenWithCredentialsAbsent() {
    ScanLimits withZero =
        ScanLimits.builder().modbusBudget(32).opcUaBudget(100).unitIds(List.of(255, 1, 0)).build();
    for (String uri : List.of("modbus://10.0.0.5:502", "opc.tcp://10.0.0.7:4840")) {
      for (PlannedRequest p : ScanPlan.uncapped(target(uri), withZero)) {
        assertTrue(RequestPolicy.anonymousOnly().refusal(p.request()).isEmpty(), p.toString());
      }
    }
  }

  @Test
  void opcUaPlanFitsTheSmallestUsefulBudget() {
    ScanLimits tight = ScanLimits.builder().opcUaBudget(2).build();
    String text =
        DryRun.render(
            List.of(target("opc.tcp://10.0.0.7:4840")), tight, RequestPolicy.anonymousOnly());
    assertTrue(text.contains("   2. FindServers"), text);
    assertTrue(text.contains("left out: 8 request(s)"), text);
  }
}
