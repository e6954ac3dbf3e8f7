package io.fieldprint.protocols.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.replay.PcapReplay;
import io.fieldprint.protocols.testing.RecordingSink;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoder on the shared captures; every value was checked with tshark first. */
class ModbusCapturesTest {
  private final ModbusTcp modbus = new ModbusTcp();

  private RecordingSink replay(String capture) throws IOException {
    return PcapReplay.tcp(SharedData.pcap(capture), modbus);
  }

  @Test
  void icsnppExampleReadDeviceIdentification() throws IOException {
    RecordingSink sink = replay("icsnpp-modbus/modbus_example.pcap");
    List<Observation> found = sink.bySource("modbus.read-device-identification");
    assertEquals(1, found.size());
    Observation o = found.get(0);
    // tshark frame 94: VendorName, ProductCode, MajorMinorRevision; conformity 0x83
    assertEquals(
        Identity.builder()
            .vendor("Zeek Modbus Test")
            .model("Protocol Parsing is fun!")
            .firmware("1.2.3.6")
            .build(),
        o.identity());
    assertEquals("127.0.0.1", o.subject().ip());
    assertEquals("modbus_example.pcap#frame=94", o.evidence().origin());
    assertEquals(0x83, o.evidence().fields().get("conformityLevel"));
    assertEquals(
        "extended (stream and individual access)",
        o.evidence().fields().get("conformityLevelName"));
    assertEquals(1, o.evidence().fields().get("unitId"));
    assertEquals(0, o.evidence().fields().get("requestedObjectId"));
  }

  @Test
  void icsnppExampleReportServerId() throws IOException {
    RecordingSink sink = replay("icsnpp-modbus/modbus_example.pcap");
    List<Observation> found = sink.bySource("modbus.report-server-id");
    assertEquals(1, found.size());
    Map<String, Object> f = found.get(0).evidence().fields();
    // tshark frame 62: byte count 0x32, 49 characters then 0xff
    assertEquals(50, f.get("byteCount"));
    assertEquals(List.of("Zeek Modbus Test-Protocol Parsing is fun!-1.2.3.6"), f.get("strings"));
    assertEquals("ON", f.get("runIndicator"));
    assertEquals(2, f.get("unitId"));
    assertEquals(true, f.get("requestSeen"));
    assertEquals("modbus_example.pcap#frame=62", found.get(0).evidence().origin());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void wingpathReportServerIdAndExceptions() throws IOException {
    RecordingSink sink = replay("iti-ics-security-tools/modbus/modbus_test_data_part1.pcap");
    List<Observation> found = sink.bySource("modbus.report-server-id");
    assertEquals(2, found.size());
    Map<String, Object> f = found.get(0).evidence().fields();
    // tshark: Data 1200ff57696e6770617468204c696d69746564 (byte count 0x12), unit 10
    assertEquals("00ff57696e6770617468204c696d69746564", f.get("payloadHex"));
    assertEquals("00", f.get("serverIdHex"));
    assertEquals("ON", f.get("runIndicator"));
    assertEquals(List.of("Wingpath Limited"), f.get("strings"));
    assertEquals(10, f.get("unitId"));
  }

  @Test
  void scanOfAllFunctionCodesIsSummarised() throws IOException {
    RecordingSink sink = replay("iti-ics-security-tools/modbus/modbus_test_data_part2.pcap");
    List<Observation> rdi = sink.bySource("modbus.read-device-identification");
    // tshark: function 43 answered with exception 1 (Illegal function)
    assertEquals(1, rdi.size());
    assertEquals("Illegal Function", rdi.get(0).evidence().fields().get("exception"));
    List<Observation> serverId = sink.bySource("modbus.report-server-id");
    assertEquals("Illegal Data Value", serverId.get(0).evidence().fields().get("exception"));
    Observation summary = sink.bySource("modbus.session-summary").get(0);
    assertTrue(((List<?>) summary.evidence().fields().get("functionCodes")).size() > 90);
  }

  @Test
  void modiconUmasTrafficIsCounted() throws IOException {
    RecordingSink sink = replay("iti-ics-security-tools/modbus/modicon_test.pcap");
    Observation summary = sink.bySource("modbus.session-summary").get(0);
    assertEquals("192.168.63.253", summary.subject().ip());
    assertEquals(List.of(90), summary.evidence().fields().get("functionCodes"));
    assertEquals(List.of(0), summary.evidence().fields().get("unitIds"));
    assertTrue((Long) summary.evidence().fields().get("umasRequests") > 80);
    assertEquals("192.168.63.100", sink.bySource("modbus.client").get(0).subject().ip());
  }

  @Test
  void fuzzedCapturesWarnAndNeverThrow() throws IOException {
    for (String capture :
        List.of(
            "iti-ics-security-tools/modbus/fuzz-72.pcap",
            "iti-ics-security-tools/modbus/fuzz-1011.pcap")) {
      RecordingSink sink = replay(capture);
      assertFalse(sink.warnings.isEmpty(), capture);
      assertTrue(sink.warnings.stream().allMatch(w -> w.protocol().equals("modbus")));
    }
  }

  @Test
  void everyModbusCaptureDecodesWithoutExceptions() throws IOException {
    for (String capture :
        List.of(
            "ModbusTCP.pcap",
            "modbusSmall.pcap",
            "modbus_test.pcap",
            "modbus_test_data_part1.pcap",
            "modbus_test_data_part2.pcap")) {
      RecordingSink sink = replay("iti-ics-security-tools/modbus/" + capture);
      assertFalse(sink.bySource("modbus.server").isEmpty(), capture);
    }
  }
}
