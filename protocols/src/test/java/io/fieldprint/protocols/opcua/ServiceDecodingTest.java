package io.fieldprint.protocols.opcua;

import static io.fieldprint.protocols.opcua.SessionDriver.CLIENT_DEVICE;
import static io.fieldprint.protocols.opcua.SessionDriver.SERVER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.x509.TestCertificates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetEndpoints, CreateSession, ActivateSession, ServiceFault over a None channel. */
class ServiceDecodingTest {
  private static final byte[] SERVER_CERT =
      TestCertificates.builder().uri(UaMessages.SERVER_URI).build().der();

  private static List<byte[]> endpoints() {
    return List.of(
        UaMessages.endpoint(
            UaMessages.URL,
            SERVER_CERT,
            1,
            SecurityPolicy.NONE,
            List.of(
                UaMessages.tokenPolicy("anon", 0, null), UaMessages.tokenPolicy("user", 1, null))),
        UaMessages.endpoint(
            UaMessages.URL,
            SERVER_CERT,
            3,
            SecurityPolicy.BASIC256SHA256,
            List.of(UaMessages.tokenPolicy("user", 1, null))));
  }

  private static SessionDriver channel() {
    return new SessionDriver().fromClient(UaMessages.hello(UaMessages.URL)).openNoneChannel(9);
  }

  @Test
  void getEndpointsResponseDescribesTheServerAndEveryEndpoint() {
    SessionDriver d =
        channel().fromServer(UaMessages.msg(9, 2, UaMessages.getEndpointsResponse(endpoints())));
    Observation o = d.only("opcua.get-endpoints-response");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(Authority.DEVICE_REPORTED, o.authority());
    assertEquals(Identity.builder().product("Vendor UA Server").build(), o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals(UaMessages.SERVER_URI, f.get("applicationUri"));
    assertEquals("urn:vendor:product", f.get("productUri"));
    assertEquals("Server", f.get("applicationType"));
    assertEquals(2, f.get("endpointCount"));
    List<?> eps = (List<?>) f.get("endpoints");
    Map<?, ?> first = (Map<?, ?>) eps.get(0);
    assertEquals("None", first.get("securityMode"));
    assertEquals(SecurityPolicy.NONE, first.get("securityPolicyUri"));
    assertEquals(1, first.get("securityLevel"));
    assertEquals(
        List.of(
            Map.of("policyId", "anon", "tokenType", "Anonymous"),
            Map.of("policyId", "user", "tokenType", "UserName")),
        first.get("userIdentityTokens"));
    List<?> certs = (List<?>) f.get("certificates");
    assertEquals(1, certs.size(), "one distinct certificate");
    assertEquals(
        ((Map<?, ?>) certs.get(0)).get("sha1Thumbprint"), first.get("serverCertificateSha1"));
  }

  @Test
  void endpointPostureIsEvaluatedOnceForARepeatedEndpointSet() {
    SessionDriver d = channel();
    d.fromServer(UaMessages.msg(9, 2, UaMessages.getEndpointsResponse(endpoints())));
    d.fromServer(UaMessages.msg(9, 3, UaMessages.getEndpointsResponse(endpoints())));
    assertEquals(1, d.bySource("opcua.get-endpoints-response").size());
    List<String> rules = d.sink.findings.stream().map(Finding::rule).toList();
    assertEquals(
        List.of(
            "opcua.security-mode-none",
            "opcua.username-over-unencrypted",
            "opcua.anonymous-access",
            "opcua.certificate-self-signed"),
        rules);
    Finding none = d.findings("opcua.security-mode-none").get(0);
    assertEquals(SERVER_DEVICE, none.subject());
    assertEquals("opcua.get-endpoints-response", none.evidence().source());
  }

  @Test
  void emptyEndpointListIsReportedWithoutIdentity() {
    Observation o =
        channel()
            .fromServer(UaMessages.msg(9, 2, UaMessages.getEndpointsResponse(List.of())))
            .only("opcua.get-endpoints-response");
    assertEquals(Identity.NONE, o.identity());
    assertEquals(0, o.evidence().fields().get("endpointCount"));
  }

  @Test
  void createSessionRequestDescribesTheClientNeverTheServer() {
    byte[] client = UaMessages.applicationDescription("urn:hmi-3:scada", "Plant HMI", 1, List.of());
    byte[] clientCert = TestCertificates.builder().subject("CN=HMI-3").ownKey("hmi").build().der();
    SessionDriver d =
        channel()
            .fromClient(UaMessages.msg(9, 2, UaMessages.createSessionRequest(client, clientCert)));
    Observation o = d.only("opcua.create-session-request");
    assertEquals(CLIENT_DEVICE, o.subject());
    assertEquals(Identity.builder().product("Plant HMI").role(Role.CLIENT).build(), o.identity());
    Map<String, Object> f = o.evidence().fields();
    assertEquals("urn:hmi-3:scada", f.get("applicationUri"));
    assertEquals("HMI session 1", f.get("sessionName"));
    assertEquals(UaMessages.URL, f.get("endpointUrl"));
    assertEquals("CN=HMI-3", ((Map<?, ?>) f.get("clientCertificate")).get("subject"));
    assertTrue(
        d.sink.observations.stream()
            .filter(x -> x.subject().equals(SERVER_DEVICE))
            .allMatch(x -> x.identity().product() == null));
    assertTrue(d.sink.findings.isEmpty(), "client certificates raise no server findings");
  }

  @Test
  void clientAndServerApplicationGetsNoClientRole() {
    byte[] app = UaMessages.applicationDescription("urn:gw", "Gateway", 2, List.of());
    Observation o =
        channel()
            .fromClient(UaMessages.msg(9, 2, UaMessages.createSessionRequest(app, null)))
            .only("opcua.create-session-request");
    assertNull(o.identity().role());
  }

  @Test
  void createSessionResponseMapsServerEndpointsAndLimits() {
    SessionDriver d =
        channel()
            .fromServer(
                UaMessages.msg(9, 2, UaMessages.createSessionResponse(SERVER_CERT, endpoints())));
    Observation o = d.only("opcua.create-session-response");
    assertEquals(SERVER_DEVICE, o.subject());
    assertEquals(2_097_152L, o.evidence().fields().get("maxRequestMessageSize"));
    assertEquals(1_200_000.0, o.evidence().fields().get("revisedSessionTimeout"));
    assertEquals(2, o.evidence().fields().get("endpointCount"));
    assertEquals(1, d.findings("opcua.security-mode-none").size());
  }

  @Test
  void anonymousSessionIsAFindingOnlyOnceTheServerAcceptsIt() {
    SessionDriver d =
        channel()
            .fromClient(
                UaMessages.msg(
                    9, 4, UaMessages.activateSessionRequest(321, UaMessages.anonymousToken())));
    Observation request = d.only("opcua.activate-session-request");
    assertEquals(CLIENT_DEVICE, request.subject());
    assertEquals("Anonymous", request.evidence().fields().get("tokenType"));
    assertEquals(321L, request.evidence().fields().get("tokenEncodingId"));
    assertTrue(d.findings("opcua.session-anonymous-used").isEmpty());
    d.fromServer(UaMessages.msg(9, 4, UaMessages.activateSessionResponse(0)));
    List<Finding> used = d.findings("opcua.session-anonymous-used");
    assertEquals(1, used.size());
    assertEquals(SERVER_DEVICE, used.get(0).subject());
    assertTrue(used.get(0).detail().contains(SessionDriver.CLIENT.ip()));
  }

  @Test
  void rejectedAnonymousSessionIsNoFinding() {
    SessionDriver d =
        channel()
            .fromClient(
                UaMessages.msg(
                    9, 4, UaMessages.activateSessionRequest(321, UaMessages.anonymousToken())));
    d.fromServer(UaMessages.msg(9, 4, UaMessages.activateSessionResponse(0x80210000L)));
    assertTrue(d.findings("opcua.session-anonymous-used").isEmpty());

    SessionDriver faulted =
        channel()
            .fromClient(
                UaMessages.msg(
                    9, 4, UaMessages.activateSessionRequest(321, UaMessages.anonymousToken())));
    faulted.fromServer(UaMessages.msg(9, 4, UaMessages.serviceFault(0x801F0000L)));
    assertTrue(faulted.findings("opcua.session-anonymous-used").isEmpty());
    Observation fault = faulted.only("opcua.service-fault");
    assertEquals(
        Map.of(
            "serviceResult",
            "0x801F0000",
            "statusName",
            "Bad_UserAccessDenied",
            "request",
            "ActivateSessionRequest"),
        fault.evidence().fields());
  }

  @Test
  void cleartextPasswordIsAFindingWhoseEvidenceHoldsNoSecret() {
    SessionDriver d =
        channel()
            .fromClient(
                UaMessages.msg(
                    9,
                    4,
                    UaMessages.activateSessionRequest(
                        324, UaMessages.userNameToken("Geheim123", null))));
    List<Finding> exposed = d.findings("opcua.username-token-cleartext");
    assertEquals(1, exposed.size());
    Finding f = exposed.get(0);
    assertEquals(SERVER_DEVICE, f.subject());
    assertTrue(f.detail().contains("password is exposed"));
    String everything = d.sink.observations + " " + d.sink.findings;
    assertFalse(everything.contains("Geheim123"));
    assertFalse(everything.contains("operator"), "the user name is not recorded either");
    assertTrue(f.evidence().fields().get("password").toString().startsWith("exposed"));
  }

  @Test
  void encryptedPasswordIsNoFinding() {
    SessionDriver d =
        channel()
            .fromClient(
                UaMessages.msg(
                    9,
                    4,
                    UaMessages.activateSessionRequest(
                        324,
                        UaMessages.userNameToken(
                            "x", "http://www.w3.org/2001/04/xmlenc#rsa-oaep"))));
    assertTrue(d.findings("opcua.username-token-cleartext").isEmpty());
    assertFalse(
        d.only("opcua.activate-session-request").evidence().fields().containsKey("password"));
  }

  @Test
  void unknownIdentityTokenTypeKeepsItsEncodingId() {
    Observation o =
        channel()
            .fromClient(
                UaMessages.msg(9, 4, UaMessages.activateSessionRequest(15_000, new byte[] {1, 2})))
            .only("opcua.activate-session-request");
    assertEquals(15_000L, o.evidence().fields().get("tokenEncodingId"));
    assertFalse(o.evidence().fields().containsKey("tokenType"));
  }

  @Test
  void otherServicesAreSkippedSilently() {
    SessionDriver d = channel();
    int before = d.sink.observations.size();
    byte[] browse = new UaBinaryWriter().nodeId(527).requestHeader().raw(new byte[40]).toBytes();
    byte[] vendor = new UaBinaryWriter().u8(1).u8(3).i16(5000).raw(new byte[10]).toBytes();
    d.fromClient(UaMessages.msg(9, 5, browse)).fromServer(UaMessages.msg(9, 5, vendor));
    assertEquals(before, d.sink.observations.size());
    assertTrue(d.sink.warnings.isEmpty());
  }

  @Test
  void malformedServiceBodyIsAWarningNamingTheService() {
    byte[] broken = new UaBinaryWriter().nodeId(431).responseHeader(0).i32(3).toBytes();
    SessionDriver d = channel().fromServer(UaMessages.msg(9, 2, broken));
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().startsWith("GetEndpointsResponse malformed"));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
  }
}
