package io.fieldprint.protocols.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared capture read end to end. Expected values from tshark 4.0 ({@code tshark -r FILE -T
 * fields -e frame.time_epoch -e frame.encap_type}): frame count, first and last frame time in epoch
 * nanoseconds, link type (Wireshark encapsulation 1 = LINKTYPE_ETHERNET, 15 = LINKTYPE_NULL).
 */
class SharedCapturesTest {

  static Stream<Arguments> captures() {
    return Stream.of(
        Arguments.of(
            "icsnpp-enip/enip_cip_example.pcap",
            776,
            1224804548739740000L,
            1594737341561896000L,
            1),
        Arguments.of(
            "icsnpp-enip/multiple_service_packet_cip.pcapng",
            1,
            1224804549022338000L,
            1224804549022338000L,
            1),
        Arguments.of(
            "icsnpp-enip/set_attribute_single_service_cip.pcapng",
            1,
            1738823410493630309L,
            1738823410493630309L,
            1),
        Arguments.of(
            "icsnpp-modbus/modbus_example.pcap",
            100,
            1595660608237857000L,
            1595890833407055000L,
            1),
        Arguments.of(
            "icsnpp-opcua-binary/opcua_with-gap_with-handshake.pcap",
            411,
            1700066893201108000L,
            1700068293054549000L,
            1),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_browse_has_server_idx.pcap",
            632,
            1659565571839571000L,
            1659565629628952000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_browse_next.pcap",
            752,
            1658508840211349000L,
            1658509375220662000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_browse_request_with_results.pcap",
            224,
            1656455693399531000L,
            1656455989794428000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_browse_with_diagnostic_info.pcap",
            533,
            1659053545682671000L,
            1659054486846612000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server-getEndpoints.pcap",
            22,
            1629417295020808000L,
            1629417295021976000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_encrypted.pcap",
            56,
            1579552631105360000L,
            1579552631135447000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-4-InnerDiagInfo.pcap",
            148,
            1581628699412807000L,
            1581628701248381000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-ActivateSession-diagInfo.pcap",
            170,
            1658344709286510000L,
            1658344711138102000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-hasInnerDiagInfo.pcap",
            152,
            1581625168909364000L,
            1581625170757953000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-hasInnerDiagInfohasAddlInfo.pcap",
            150,
            1581630647535536000L,
            1581630649357314000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-hasInnerStatusCode.pcap",
            152,
            1581611906840698000L,
            1581611908767959000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-no-handshake.pcap",
            113,
            1579702060738055000L,
            1579702062289860000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-not-localhost-non-standard-port.pcap",
            152,
            1693250758952964000L,
            1693250758974153000L,
            1),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-not-localhost.pcap",
            152,
            1586265466658840000L,
            1586265468519931000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop-withStringTable.pcap",
            152,
            1582129573765861000L,
            1582129575588675000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_mainloop.pcap",
            154,
            1579702050363511000L,
            1579702062289860000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_client-server_minimal.pcap",
            150,
            1578963600620216000L,
            1578963602483388000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_create_monitored_items.pcap",
            316,
            1673568916890101000L,
            1673568950978189000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_discover_getendpoints_discover_urls.pcap",
            216,
            1631714504915436000L,
            1631714530443601000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_read_service_test_data.pcap",
            385,
            1665074407368098000L,
            1665074416691740000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/open62541_read_service_test_data_with_history.pcap",
            381,
            1667935846902658000L,
            1667935846916720000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/pending_overflow.pcap",
            24,
            1750107272879743000L,
            1750107272884003000L,
            1),
        Arguments.of(
            "icsnpp-opcua-binary/python_opcua-client-server_minimal-2.pcap",
            48,
            1579717131476612000L,
            1579717131489345000L,
            0),
        Arguments.of(
            "icsnpp-opcua-binary/python_opcua-client-server_minimal.pcap",
            44,
            1569447547625970000L,
            1569447547636972000L,
            0),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm.pcap",
            960,
            1287088627587076000L,
            1689619037794768654L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_connect.pcapng",
            328,
            1375458865311733000L,
            1689619037745414904L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_connect_minimal.pcapng",
            2,
            1375458865311733000L,
            1375458865321587000L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_control.pcapng",
            289,
            1375458865461762000L,
            1689619037794768654L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_device.pcapng",
            10,
            1375458865311733000L,
            1375458865682704000L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_read.pcapng",
            18,
            1287088627587076000L,
            1614578459652418000L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_release.pcapng",
            6,
            1375458865681666000L,
            1614578459682704000L,
            1),
        Arguments.of(
            "icsnpp-profinet-io-cm/profinet_io_cm_write.pcapng",
            308,
            1375458865401767000L,
            1689619037765544956L,
            1),
        Arguments.of(
            "iti-ics-security-tools/ethernetip/EthernetIP-CIP.pcap",
            10880,
            1352718180263865000L,
            1352718265146725000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/ModbusTCP.pcap",
            15387,
            1352718180264365000L,
            1352718265222877000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/fuzz-1011.pcap",
            6,
            1342774616064496000L,
            1342776371617757000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/fuzz-72.pcap",
            36,
            1153491909414066000L,
            1153491933406960000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/modbusSmall.pcap",
            166,
            1400547199329569000L,
            1400547255173919000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/modbus_test.pcap",
            2257,
            1493388721299588000L,
            1493388840685083000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/modbus_test_data_part1.pcap",
            118,
            1093521678945447000L,
            1093523220676663000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/modbus_test_data_part2.pcap",
            350,
            1153491879610371000L,
            1153491974091153000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/modbus/modicon_test.pcap",
            191,
            1427906557268207000L,
            1427906558034821000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/profinet/ChangeIPUsingDCP.pcap",
            6,
            1321868480314843000L,
            1321868482148952000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/profinet/PROFINET-RT.pcap",
            14,
            1352718192006493000L,
            1352718262355634000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/profinet/profinet-wireshark-bug.pcap",
            4,
            1200565398895639000L,
            1200565399971394000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/s7/s7comm_program_blocklist_onlineview.pcap",
            140,
            1408528847994116000L,
            1408528853991030000L,
            1),
        Arguments.of(
            "iti-ics-security-tools/s7/s7comm_reading_plc_status.pcap",
            240,
            1408529120002516000L,
            1408529141998926000L,
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void readerMatchesTshark(String file, int frames, long first, long last, int linkType)
      throws Exception {
    CaptureContents c = CaptureContents.read(SharedData.pcap(file));
    assertEquals(List.of(), c.warnings());
    assertEquals(frames, c.frames().size());
    assertEquals(first, c.frames().get(0).timestampNanos());
    assertEquals(last, c.frames().get(frames - 1).timestampNanos());
    Set<Integer> linkTypes = c.frames().stream().map(f -> f.linkType()).collect(Collectors.toSet());
    assertEquals(Set.of(linkType), linkTypes);
    assertEquals(frames, c.frames().get(frames - 1).number());
  }

  @Test
  void tableCoversEverySharedCapture() throws Exception {
    Path root = SharedData.root().resolve("pcaps");
    Set<String> onDisk;
    try (Stream<Path> files = Files.walk(root)) {
      onDisk =
          files
              .filter(p -> p.getFileName().toString().matches(".*\\.pcap(ng)?$"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> inTable =
        captures().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(onDisk, inTable);
  }
}
