package io.fieldprint.protocols.s7;

import static io.fieldprint.protocols.s7.S7Frames.componentText;
import static io.fieldprint.protocols.s7.S7Frames.moduleRecord;
import static io.fieldprint.protocols.s7.S7Frames.readSzlRequest;
import static io.fieldprint.protocols.s7.S7Frames.readSzlResponse;
import static io.fieldprint.protocols.s7.S7Frames.szlList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.replay.Bytes;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S7SessionTest {
  private static final String MODULE = "s7comm.szl-module-identification";
  private static final String COMPONENT = "s7comm.szl-component-identification";
  private final S7CommTcp s7 = new S7CommTcp();

  private RecordingSink run(Pdu... pdus) {
    return Robustness.run(s7, 102, List.of(pdus));
  }

  private static Observation only(RecordingSink sink, String source) {
    List<Observation> found = sink.bySource(source);
    assertEquals(1, found.size(), () -> "observations: " + sink.observations);
    return found.get(0);
  }

  private RecordingSink exchange(int szlId, byte[] list) {
    return run(
        Pdu.request(readSzlRequest(0x1100, szlId, 0)),
        Pdu.response(readSzlResponse(0x1100, 0, true, list)));
  }

  @Test
  void moduleIdentificationGivesOrderNumberHardwareAndFirmware() {
    RecordingSink sink = exchange(0x0011, S7Frames.im151ModuleIdentification());
    Observation o = only(sink, MODULE);
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .model("6ES7 151-8AB01-0AB0")
            .hardware("3")
            .firmware("V3.2.6")
            .build(),
        o.identity());
    assertEquals("10.0.0.2", o.subject().ip());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals("s7comm", o.protocol());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("0x0011", f.get("szlId"));
    assertEquals("0x0000", f.get("szlIndex"));
    assertEquals("0x0011", f.get("requestedSzlId"));
    assertEquals(4, f.get("recordCount"));
    assertEquals(1, f.get("parts"));
    assertEquals("order number prefix 6ES7", f.get("vendorEvidence"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) f.get("records");
    assertEquals(
        Map.of(
            "index", "0x0007",
            "indexName", "basic firmware",
            "orderNumber", "",
            "moduleTypeId", "0x00c0",
            "ausbg", 22019,
            "ausbe", 518,
            "version", "V3.2.6"),
        records.get(2));
    assertEquals("Boot Loader", records.get(3).get("orderNumber"));
    assertEquals("A32.9.9", records.get(3).get("version"));
    assertEquals("firmware extension", records.get(3).get("indexName"));
    assertEquals("test.pcap#frame=2", o.evidence().origin());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void buffersInLittleEndianOrderAreReadAsBigEndian() {
    io.fieldprint.protocols.decode.TcpFlow flow =
        io.fieldprint.protocols.replay.FakePduContext.flow(102);
    RecordingSink sink = new RecordingSink();
    io.fieldprint.protocols.decode.TcpSession session = s7.openSession(flow);
    java.nio.ByteBuffer packet =
        java.nio.ByteBuffer.wrap(readSzlResponse(1, 0, true, S7Frames.im151ModuleIdentification()))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertEquals(packet.limit(), s7.pduLength(packet));
    session.onPdu(io.fieldprint.protocols.replay.FakePduContext.fromServer(flow, sink, 1), packet);
    assertEquals("V3.2.6", only(sink, MODULE).identity().firmware());
  }

  @Test
  void hardwareVersionWrittenWithALetterIsDecodedLikeFirmware() {
    byte[] list =
        szlList(
            0x0011,
            0,
            28,
            2,
            Bytes.of()
                .bytes(moduleRecord(0x0001, "6ES7 214-1AG40-0XB0", 0x0000, 0x5601, 0x0000))
                .bytes(moduleRecord(0x0006, "6ES7 214-1AG40-0XB0", 0x0000, 0x5601, 0x0203))
                .build());
    assertEquals("V1.2.3", only(exchange(0x0011, list), MODULE).identity().hardware());
  }

  @Test
  void orderNumberFallsBackToTheHardwareRecordAndNeedsASiemensPrefixForTheVendor() {
    byte[] list =
        szlList(
            0x0011,
            0,
            28,
            2,
            Bytes.of()
                .bytes(moduleRecord(0x0001, "", 0, 1, 0))
                .bytes(moduleRecord(0x0006, "VIPA 315-4NE12", 0, 1, 0))
                .build());
    Identity id = only(exchange(0x0011, list), MODULE).identity();
    assertEquals("VIPA 315-4NE12", id.model());
    assertNull(id.vendor());
  }

  @Test
  void sipluseOrderNumberIsSiemens() {
    byte[] list = szlList(0x0111, 1, 28, 1, moduleRecord(0x0001, "6AG1 315-2EH14-7AB0", 0, 1, 0));
    Observation o = only(exchange(0x0111, list), MODULE);
    assertEquals("Siemens", o.identity().vendor());
    assertEquals("order number prefix 6AG1", o.evidence().fields().get("vendorEvidence"));
  }

  @Test
  void componentIdentificationDecodesEveryRecord() {
    RecordingSink sink = exchange(0x001C, S7Frames.im151ComponentIdentification());
    Observation o = only(sink, COMPONENT);
    assertEquals(
        Identity.builder()
            .vendor("Siemens")
            .product("IM151-8 PN/DP CPU")
            .serial("S C-C6TW74882012")
            .name("IM151-8-CPU")
            .role(Role.PLC)
            .build(),
        o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("IM151-8-CPU", f.get("asName"));
    assertEquals("IM151-8 PN/DP CPU", f.get("moduleName"));
    assertEquals("", f.get("plantDesignation"));
    assertEquals("Original Siemens Equipment", f.get("copyright"));
    assertEquals("S C-C6TW74882012", f.get("serialNumber"));
    assertEquals("IM151-8 PN/DP CPU", f.get("moduleTypeName"));
    assertEquals("MMC 2900FC1A", f.get("memoryCardSerial"));
    assertEquals("0x002a", f.get("manufacturerId"));
    assertEquals("0xf600", f.get("profileId"));
    assertEquals("0x0001", f.get("profileSpecificType"));
    assertEquals("", f.get("oemCopyright"));
    assertEquals("0x0000", f.get("oemId"));
    assertEquals("0x00000000", f.get("oemAdditionalId"));
    assertEquals("", f.get("locationDesignation"));
    assertEquals("manufacturer id 0x002a", f.get("vendorEvidence"));
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void componentIdentificationWithoutCpuOrManufacturerIdIsWeaker() {
    byte[] list =
        szlList(
            0x011C,
            0,
            34,
            4,
            Bytes.of()
                .bytes(componentText(0x0002, "CP 343-1 Lean"))
                .bytes(componentText(0x0004, "Original Siemens Equipment"))
                .bytes(componentText(0x000B, "Hall 3 / cabinet 7"))
                .bytes(componentText(0x0042, "\u0001\u0002"))
                .build());
    Observation o = only(exchange(0x011C, list), COMPONENT);
    assertEquals("Siemens", o.identity().vendor());
    assertEquals("CP 343-1 Lean", o.identity().product());
    assertNull(o.identity().role());
    assertNull(o.identity().name());
    assertEquals(
        "copyright Original Siemens Equipment", o.evidence().fields().get("vendorEvidence"));
    assertEquals("Hall 3 / cabinet 7", o.evidence().fields().get("locationDesignation"));
    @SuppressWarnings("unchecked")
    Map<String, String> other = (Map<String, String>) o.evidence().fields().get("otherRecords");
    assertTrue(other.get("0x0042").startsWith("0102000000"));
  }

  @Test
  void multiPartResponseIsJoinedAndReportedWithItsFirstPart() {
    byte[] list = S7Frames.im151ComponentIdentification();
    byte[] first = Arrays.copyOfRange(list, 0, 214);
    byte[] second = Arrays.copyOfRange(list, 214, list.length);
    RecordingSink sink =
        run(
            Pdu.request(readSzlRequest(0x1400, 0x001C, 0)),
            Pdu.response(readSzlResponse(0x1400, 6, false, first)),
            Pdu.request(S7Frames.readSzlFollowUp(0x1500, 2)),
            Pdu.response(readSzlResponse(0x1500, 6, true, second)));
    Observation o = only(sink, COMPONENT);
    assertEquals("MMC 2900FC1A", o.evidence().fields().get("memoryCardSerial"));
    assertEquals(2, o.evidence().fields().get("parts"));
    assertEquals("0x001c", o.evidence().fields().get("requestedSzlId"));
    assertEquals("test.pcap#frame=2", o.evidence().origin());
    assertTrue(sink.warnings.isEmpty(), sink.warnings::toString);
  }

  @Test
  void requestSplitOverTwoCotpTpdusStillPairs() {
    byte[] request = readSzlRequest(0x1100, 0x0011, 0);
    byte[] s7 = Arrays.copyOfRange(request, 7, request.length);
    RecordingSink sink =
        run(
            Pdu.request(S7Frames.dt(new byte[0], false)),
            Pdu.request(S7Frames.dt(s7, true)),
            Pdu.response(readSzlResponse(0x1100, 0, true, S7Frames.im151ModuleIdentification())));
    assertEquals("0x0011", only(sink, MODULE).evidence().fields().get("requestedSzlId"));
  }

  @Test
  void headerOnlyAndFailedReadsReportNothing() {
    RecordingSink headerOnly = exchange(0x0F11, szlList(0x0F11, 0, 28, 4, new byte[0]));
    assertTrue(headerOnly.bySource(MODULE).isEmpty());
    assertTrue(headerOnly.warnings.isEmpty());
    byte[] parameter = Bytes.hex("000112 08 12 84 01 02 00 00 0000");
    RecordingSink failed =
        run(Pdu.response(S7Frames.dt(S7Frames.s7(7, 1, parameter, Bytes.hex("0a000000")), true)));
    assertTrue(failed.bySource(MODULE).isEmpty());
  }

  @Test
  void recordLengthThatDoesNotFitTheListWarns() {
    RecordingSink sink = exchange(0x0011, szlList(0x0011, 0, 30, 1, new byte[30]));
    assertTrue(sink.bySource(MODULE).isEmpty());
    assertTrue(sink.warnings.get(0).message().contains("records of 30 bytes, expected 28"));
  }

  @Test
  void listAnnouncingMoreRecordsThanItHoldsKeepsThoseThereAndWarns() {
    byte[] list = szlList(0x0011, 0, 28, 9, moduleRecord(1, "6ES7 315-2EH14-0AB0", 0, 1, 0));
    RecordingSink sink = exchange(0x0011, list);
    assertEquals("6ES7 315-2EH14-0AB0", only(sink, MODULE).identity().model());
    assertTrue(sink.warnings.get(0).message().contains("announces 9 records, holds 1"));
  }

  @Test
  void serverPresenceCarriesTheTsapsAndRackAndSlot() {
    RecordingSink sink =
        run(
            Pdu.request(S7Frames.connectionRequest(0xE0, "0100", "0103")),
            Pdu.response(S7Frames.connectionRequest(0xD0, "0100", "0103")),
            Pdu.request(readSzlRequest(1, 0x11, 0)),
            Pdu.response(readSzlResponse(1, 0, true, S7Frames.im151ModuleIdentification())));
    Observation server = only(sink, "s7comm.server");
    assertEquals(Role.SERVER, server.identity().role());
    assertEquals(
        Map.of(
            "port",
            102,
            "answered",
            true,
            "variant",
            "s7comm",
            "callingTsap",
            "0100",
            "calledTsap",
            "0103",
            "rack",
            0,
            "slot",
            3),
        server.evidence().fields());
    Observation client = only(sink, "s7comm.client");
    assertEquals(Role.CLIENT, client.identity().role());
    assertEquals("10.0.0.1", client.subject().ip());
  }

  @Test
  void s7commPlusIsRecordedAsPresenceOnly() {
    byte[] plus = Bytes.hex("72 01 0010 31 0000 04ca 0000 0001 0000 0120 36 00");
    RecordingSink sink =
        run(Pdu.request(S7Frames.dt(plus, true)), Pdu.response(S7Frames.dt(plus, true)));
    assertEquals("s7comm-plus", only(sink, "s7comm.server").evidence().fields().get("variant"));
    assertEquals(2, sink.observations.size());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void otherIsoOnTcpPayloadsAreIgnored() {
    byte[] mms = Bytes.hex("0d b9 e0 00 00 01 00 c1 0c 01 00 02 00 06 c3 01 00");
    RecordingSink sink =
        run(Pdu.request(S7Frames.dt(mms, true)), Pdu.response(S7Frames.dt(mms, true)));
    assertTrue(sink.observations.isEmpty());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void serverThatNeverAnsweredIsPeerReported() {
    RecordingSink sink = run(Pdu.request(readSzlRequest(1, 0x11, 0)));
    assertEquals(Authority.PEER_REPORTED, only(sink, "s7comm.server").authority());
  }

  @Test
  void oversizedCotpMessageIsDroppedWithAWarning() {
    byte[] chunk = new byte[4000];
    RecordingSink sink =
        run(
            Pdu.request(S7Frames.dt(chunk, false)),
            Pdu.request(S7Frames.dt(chunk, false)),
            Pdu.request(S7Frames.dt(chunk, false)),
            Pdu.request(S7Frames.dt(chunk, false)),
            Pdu.request(S7Frames.dt(chunk, false)),
            Pdu.request(S7Frames.dt(new byte[] {0x32}, true)));
    assertTrue(sink.warnings.get(0).message().contains("COTP message longer than"));
  }

  @Test
  void truncationAtEveryLengthWarnsAndNeverThrows() {
    List<Pdu> exchange =
        List.of(
            Pdu.request(readSzlRequest(1, 0x11, 0)),
            Pdu.response(readSzlResponse(1, 0, true, S7Frames.im151ModuleIdentification())));
    int cuts = exchange.get(0).bytes().length + exchange.get(1).bytes().length;
    assertEquals(cuts, Robustness.truncateEveryLength(s7, 102, exchange));
  }

  @Test
  void randomMutationNeverThrows() {
    byte[] list = S7Frames.im151ComponentIdentification();
    List<Pdu> exchange =
        List.of(
            Pdu.request(S7Frames.connectionRequest(0xE0, "0100", "0102")),
            Pdu.response(S7Frames.connectionRequest(0xD0, "0100", "0102")),
            Pdu.request(readSzlRequest(0x1400, 0x001C, 0)),
            Pdu.response(readSzlResponse(0x1400, 6, false, Arrays.copyOfRange(list, 0, 214))),
            Pdu.request(S7Frames.readSzlFollowUp(0x1500, 2)),
            Pdu.response(
                readSzlResponse(0x1500, 6, true, Arrays.copyOfRange(list, 214, list.length))),
            Pdu.request(readSzlRequest(0x1600, 0x0011, 0)),
            Pdu.response(readSzlResponse(0x1600, 0, true, S7Frames.im151ModuleIdentification())));
    Robustness.mutate(s7, 102, exchange, 102L, 5000);
    assertFalse(exchange.isEmpty());
  }
}
