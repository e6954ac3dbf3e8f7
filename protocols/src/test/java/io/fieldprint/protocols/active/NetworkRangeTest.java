package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Parsed;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkRangeTest {

  private static final Set<ScanProtocol> MODBUS = EnumSet.of(ScanProtocol.MODBUS);
  private static final int CAP = 1022;

  @SuppressWarnings("unchecked")
  private static List<ScanTarget> ok(String cidr, Set<ScanProtocol> protocols) {
    Parsed<List<ScanTarget>> parsed = NetworkRange.expand(cidr, protocols, CAP);
    return (List<ScanTarget>) assertInstanceOf(Parsed.Ok.class, parsed, parsed::toString).value();
  }

  private static String refused(String cidr) {
    Parsed<List<ScanTarget>> parsed = NetworkRange.expand(cidr, MODBUS, CAP);
    return assertInstanceOf(Parsed.Malformed.class, parsed, parsed::toString).reason();
  }

  @Test
  void slash30LeavesOutNetworkAndBroadcastAddresses() {
    List<ScanTarget> targets = ok("10.1.2.0/30", MODBUS);
    assertEquals(
        List.of("modbus://10.1.2.1:502", "modbus://10.1.2.2:502"),
        targets.stream().map(ScanTarget::uri).toList());
  }

  @Test
  void slash31AndSlash32KeepEveryAddress() {
    assertEquals(2, ok("10.1.2.4/31", MODBUS).size());
    assertEquals("modbus://10.1.2.9:502", ok("10.1.2.9/32", MODBUS).get(0).uri());
  }

  @Test
  void bothProtocolsOnlyWhenBothAreRequestedAtTheirDefaultPorts() {
    List<ScanTarget> targets =
        ok("10.1.2.8/32", EnumSet.of(ScanProtocol.MODBUS, ScanProtocol.OPC_UA));
    assertEquals(
        List.of("modbus://10.1.2.8:502", "opc.tcp://10.1.2.8:4840"),
        targets.stream().map(ScanTarget::uri).toList());
    assertTrue(NetworkRange.expand("10.1.2.8/32", Set.of(), CAP) instanceof Parsed.Malformed);
  }

  @Test
  void slash22IsTheLargestRangeAcceptedAndSlash21IsRefusedWhole() {
    assertEquals(1022, ok("10.4.0.0/22", MODBUS).size());
    assertTrue(refused("10.0.0.0/21").contains("cap"));
    assertTrue(refused("0.0.0.0/0").contains("cap"));
  }

  @Test
  void rangesHoldingUnprobeableAddressesAreRefused() {
    assertTrue(refused("224.0.0.0/30").contains("multicast"));
    assertTrue(refused("0.0.0.0/32").contains("0.0.0.0"));
    assertTrue(refused("255.255.255.255/32").contains("broadcast"));
  }

  @Test
  void malformedCidrIsRefusedWithAReason() {
    assertTrue(refused("10.0.0.0").contains("CIDR"));
    assertTrue(refused("10.0.0.0/33").contains("prefix"));
    assertTrue(refused("10.0.0.0/").contains("prefix"));
    assertTrue(refused("10.0.0/24").contains("IPv4"));
    assertTrue(refused("10.0.0.5/24").contains("host bits"));
  }
}
