package io.fieldprint.protocols.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.replay.Bytes;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportServerIdTest {
  private static final String SOURCE = "modbus.report-server-id";
  private final ModbusTcp modbus = new ModbusTcp();

  private static byte[] response(int tid, byte[] payload) {
    return ModbusFrames.frame(tid, 2, Bytes.of().u8(0x11, payload.length).bytes(payload).build());
  }

  private Observation only(RecordingSink sink) {
    List<Observation> found = sink.bySource(SOURCE);
    assertEquals(1, found.size(), () -> "observations: " + sink.observations);
    return found.get(0);
  }

  @Test
  void textServerIdFollowedByRunIndicatorIsKeptWhole() {
    String id = "Zeek Modbus Test-Protocol Parsing is fun!-1.2.3.6";
    byte[] payload = Bytes.of().ascii(id).u8(0xFF).build();
    RecordingSink sink =
        Robustness.run(
            modbus,
            502,
            List.of(
                Pdu.request(ModbusFrames.pdu(15, 2, 0x11)), Pdu.response(response(15, payload))));
    Map<String, Object> f = only(sink).evidence().fields();
    assertEquals(2, f.get("unitId"));
    assertEquals(50, f.get("byteCount"));
    assertEquals(List.of(id), f.get("strings"));
    assertEquals("ON", f.get("runIndicator"));
    assertEquals(Bytes.hexOf(id.getBytes()), f.get("serverIdHex"));
    assertEquals("", f.get("additionalDataHex"));
    assertEquals(Bytes.hexOf(payload), f.get("payloadHex"));
    assertEquals(true, f.get("requestSeen"));
    assertTrue(only(sink).identity().isEmpty());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void oneByteServerIdWithAdditionalText() {
    byte[] payload = Bytes.of().u8(0x00, 0xFF).ascii("Wingpath Limited").build();
    Map<String, Object> f =
        only(Robustness.run(modbus, 502, List.of(Pdu.response(response(0, payload)))))
            .evidence()
            .fields();
    assertEquals("00", f.get("serverIdHex"));
    assertEquals("ON", f.get("runIndicator"));
    assertEquals(Bytes.hexOf("Wingpath Limited".getBytes()), f.get("additionalDataHex"));
    assertEquals(List.of("Wingpath Limited"), f.get("strings"));
    assertEquals(false, f.get("requestSeen"));
  }

  @Test
  void runIndicatorOffIsRecognised() {
    byte[] payload = Bytes.of().u8(0xFA, 0x00).ascii("PM710PowerMeter").build();
    Map<String, Object> f =
        only(Robustness.run(modbus, 502, List.of(Pdu.response(response(0, payload)))))
            .evidence()
            .fields();
    assertEquals("fa", f.get("serverIdHex"));
    assertEquals("OFF", f.get("runIndicator"));
  }

  @Test
  void payloadWithoutRunIndicatorKeepsOnlyTheRawBytes() {
    Map<String, Object> f =
        only(Robustness.run(modbus, 502, List.of(Pdu.response(response(0, Bytes.hex("42"))))))
            .evidence()
            .fields();
    assertEquals("42", f.get("payloadHex"));
    assertNull(f.get("runIndicator"));
    assertEquals(List.of(), f.get("strings"));
  }

  @Test
  void byteCountThatOverClaimsKeepsWhatIsThereAndWarns() {
    byte[] frame = response(0, Bytes.of().u8(0x01, 0xFF).ascii("ABCD").build());
    frame[8] = 60;
    RecordingSink sink = Robustness.run(modbus, 502, List.of(Pdu.response(frame)));
    Map<String, Object> f = only(sink).evidence().fields();
    assertEquals(60, f.get("byteCount"));
    assertEquals("01ff41424344", f.get("payloadHex"));
    assertEquals(1, sink.warnings.size());
    assertTrue(sink.warnings.get(0).message().contains("byte count 60, 6 bytes present"));
  }

  @Test
  void stringsAreBoundedInNumber() {
    Bytes payload = Bytes.of().u8(0x01, 0xFF);
    for (int i = 0; i < 20; i++) {
      payload.ascii("word" + i).u8(0);
    }
    Map<String, Object> f =
        only(Robustness.run(modbus, 502, List.of(Pdu.response(response(0, payload.build())))))
            .evidence()
            .fields();
    assertEquals(8, ((List<?>) f.get("strings")).size());
  }

  @Test
  void exceptionToReportServerIdIsRecorded() {
    Map<String, Object> f =
        only(Robustness.run(
                modbus,
                502,
                List.of(
                    Pdu.request(ModbusFrames.pdu(1, 1, 0x11)),
                    Pdu.response(ModbusFrames.pdu(1, 1, 0x91, 0x03)))))
            .evidence()
            .fields();
    assertEquals("Illegal Data Value", f.get("exception"));
    assertEquals(17, f.get("functionCode"));
  }

  @Test
  void truncationAndMutationNeverThrow() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(ModbusFrames.pdu(1, 1, 0x11)),
            Pdu.response(response(1, Bytes.of().u8(0x00, 0xFF).ascii("Wingpath").build())));
    assertEquals(
        exchange.get(0).bytes().length + exchange.get(1).bytes().length,
        Robustness.truncateEveryLength(modbus, 502, exchange));
    Robustness.mutate(modbus, 502, exchange, 17L, 3000);
    assertFalse(exchange.isEmpty());
  }
}
