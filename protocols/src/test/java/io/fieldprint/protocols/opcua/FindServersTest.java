package io.fieldprint.protocols.opcua;

import static io.fieldprint.protocols.opcua.SessionDriver.SERVER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A discovery server's list is about the listed servers, attributed only where it can be. */
class FindServersTest {

  private static SessionDriver discovery(List<byte[]> applications) {
    return new SessionDriver()
        .fromClient(UaMessages.hello("opc.tcp://lds.plant.example:4840"))
        .openNoneChannel(3)
        .fromServer(UaMessages.msg(3, 2, UaMessages.findServersResponse(applications)));
  }

  private static Observation entry(SessionDriver d, String applicationUri) {
    return d.bySource("opcua.find-servers-entry").stream()
        .filter(o -> applicationUri.equals(o.evidence().fields().get("applicationUri")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theResponderListsEveryServerInOneObservation() {
    SessionDriver d =
        discovery(
            List.of(
                UaMessages.applicationDescription(
                    "urn:lds", "LDS", 3, List.of("opc.tcp://lds.plant.example:4840")),
                UaMessages.applicationDescription(
                    "urn:far", "Far Server", 0, List.of("opc.tcp://far-host:4840"))));
    Observation o = d.only("opcua.find-servers-response");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(2, o.evidence().fields().get("serverCount"));
    assertEquals(2, ((List<?>) o.evidence().fields().get("servers")).size());
  }

  @Test
  void aServerOnTheRespondersHostIsAPeerStatementAboutTheResponder() {
    SessionDriver d =
        discovery(
            List.of(
                UaMessages.applicationDescription(
                    "urn:local", "Local Server", 0, List.of("opc.tcp://localhost:48010")),
                UaMessages.applicationDescription(
                    "urn:same", "Same Host", 0, List.of("opc.tcp://lds.plant.example:4841"))));
    Observation local = entry(d, "urn:local");
    assertEquals(SERVER_DEVICE, local.subject());
    assertEquals(Authority.PEER_REPORTED, local.authority());
    assertEquals("Local Server", local.identity().product());
    assertEquals("responder-host", local.evidence().fields().get("placement"));
    assertEquals(SERVER_DEVICE, entry(d, "urn:same").subject());
  }

  @Test
  void aServerListedByIpAddressIsAPeerStatementAboutThatAddress() {
    SessionDriver d =
        discovery(
            List.of(
                UaMessages.applicationDescription(
                    "urn:plc-9", "PLC 9 Server", 0, List.of("opc.tcp://10.0.0.9:4840"))));
    Observation o = entry(d, "urn:plc-9");
    assertEquals(new DeviceRef(null, "10.0.0.9"), o.subject());
    assertEquals(Authority.PEER_REPORTED, o.authority());
    assertEquals("10.0.0.17", o.evidence().fields().get("listedBy"));
    assertEquals("other-host", o.evidence().fields().get("placement"));
  }

  @Test
  void aServerKnownOnlyByHostNameStaysInTheRespondersList() {
    SessionDriver d =
        discovery(
            List.of(
                UaMessages.applicationDescription(
                    "urn:far", "Far Server", 0, List.of("opc.tcp://far-host:4840"))));
    assertEquals(List.of(), d.bySource("opcua.find-servers-entry"));
  }

  @Test
  void theRespondersOwnEntryIsDeviceReported() {
    SessionDriver d = new SessionDriver().openNoneChannel(3);
    d.fromServer(
        UaMessages.msg(
            3,
            2,
            UaMessages.getEndpointsResponse(
                List.of(
                    UaMessages.endpoint(
                        UaMessages.URL, null, 1, SecurityPolicy.NONE, List.of())))));
    d.fromServer(
        UaMessages.msg(
            3,
            3,
            UaMessages.findServersResponse(
                List.of(
                    UaMessages.applicationDescription(
                        UaMessages.SERVER_URI,
                        "Vendor UA Server",
                        0,
                        List.of("opc.tcp://elsewhere:4840"))))));
    Observation self = entry(d, UaMessages.SERVER_URI);
    assertEquals(SERVER_DEVICE, self.subject());
    assertEquals(Authority.DEVICE_REPORTED, self.authority());
    assertEquals("responder", self.evidence().fields().get("placement"));
  }
}
