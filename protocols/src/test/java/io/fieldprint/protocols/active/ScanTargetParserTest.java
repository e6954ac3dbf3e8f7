package io.fieldprint.protocols.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.Parsed;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanTargetParserTest {

  private static ScanTarget ok(String text) {
    Parsed<ScanTarget> parsed = ScanTargetParser.parse(text);
    return (ScanTarget)
        assertInstanceOf(Parsed.Ok.class, parsed, () -> text + " -> " + parsed).value();
  }

  private static String refused(String text) {
    Parsed<ScanTarget> parsed = ScanTargetParser.parse(text);
    return assertInstanceOf(Parsed.Malformed.class, parsed, () -> text + " -> " + parsed).reason();
  }

  @Test
  void modbusTargetWithUnitIdKeepsTheUnit() {
    ScanTarget t = ok("modbus://10.0.0.5:502/1");
    assertEquals(ScanProtocol.MODBUS, t.protocol());
    assertEquals("10.0.0.5", t.host());
    assertEquals(502, t.port());
    assertEquals(OptionalInt.of(1), t.unitId());
    assertEquals("modbus://10.0.0.5:502/1", t.uri());
  }

  @Test
  void modbusTargetWithoutUnitUsesTheConfiguredList() {
    assertEquals(OptionalInt.empty(), ok("modbus://plc-7.plant.local:5020").unitId());
  }

  @Test
  void opcUaTargetKeepsItsPathAndSchemeIsCaseInsensitive() {
    ScanTarget t = ok("OPC.TCP://192.168.1.20:4840/UA/Server");
    assertEquals(ScanProtocol.OPC_UA, t.protocol());
    assertEquals("UA/Server", t.path());
    assertEquals("opc.tcp://192.168.1.20:4840/UA/Server", t.uri());
  }

  @Test
  void unitIdBoundariesAreZeroAnd255() {
    assertEquals(OptionalInt.of(0), ok("modbus://10.0.0.5:502/0").unitId());
    assertEquals(OptionalInt.of(255), ok("modbus://10.0.0.5:502/255").unitId());
    assertTrue(refused("modbus://10.0.0.5:502/256").contains("unit id"));
    assertTrue(refused("modbus://10.0.0.5:502/x").contains("unit id"));
  }

  @Test
  void portBoundariesAreOneAnd65535() {
    assertEquals(1, ok("modbus://10.0.0.5:1").port());
    assertEquals(65535, ok("modbus://10.0.0.5:65535").port());
    assertTrue(refused("modbus://10.0.0.5:0").contains("port"));
    assertTrue(refused("modbus://10.0.0.5:65536").contains("port"));
    assertTrue(refused("modbus://10.0.0.5:").contains("port"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "10.0.0.5:502|missing scheme",
        "http://10.0.0.5:80|unsupported scheme",
        "modbus://10.0.0.5|missing port",
        "modbus://0.0.0.0:502|0.0.0.0",
        "modbus://255.255.255.255:502|broadcast",
        "opc.tcp://224.0.0.1:4840|multicast",
        "opc.tcp://239.255.255.250:4840|multicast",
        "opc.tcp://240.0.0.1:4840|reserved",
        "modbus://10.0.0.256:502|not a valid IPv4",
        "modbus://10.0.0:502|not a valid IPv4",
        "modbus://user:pw@10.0.0.5:502|credentials",
        "opc.tcp://[::1]:4840|IPv6",
        "opc.tcp://bad_host:4840|host name",
        "opc.tcp://10.0.0.5:4840/a b|spaces",
        "opc.tcp://10.0.0.5:4840/a?x=1|query"
      })
  void refusedTargetsSayWhy(String text, String reasonPart) {
    String reason = refused(text);
    assertTrue(reason.contains(reasonPart), reason);
  }

  @Test
  void overlongTargetsArePathsAreRefusedUnread() {
    assertTrue(refused("opc.tcp://10.0.0.5:4840/" + "a".repeat(600)).contains("longer"));
    assertTrue(refused("opc.tcp://10.0.0.5:4840/" + "a".repeat(257)).contains("longer"));
    assertEquals(256, ok("opc.tcp://10.0.0.5:4840/" + "a".repeat(256)).path().length());
  }
}
