package io.fieldprint.protocols.opcua;

import static io.fieldprint.protocols.opcua.SessionDriver.CLIENT_DEVICE;
import static io.fieldprint.protocols.opcua.SessionDriver.SERVER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.x509.TestCertificates;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OPN messages, channel policy tracking and how MSG chunks are read per channel protection. */
class SecureChannelTest {
  private static final byte[] SERVER_CERT =
      TestCertificates.builder()
          .subject("C=DE,CN=UaServer@plc-17")
          .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
          .uri(UaMessages.SERVER_URI)
          .build()
          .der();
  private static final byte[] CLIENT_CERT =
      TestCertificates.builder()
          .subject("CN=HMI-3")
          .ownKey("client")
          .uri("urn:hmi-3")
          .build()
          .der();

  private static byte[] getEndpoints() {
    return UaMessages.getEndpointsResponse(
        List.of(
            UaMessages.endpoint(
                UaMessages.URL,
                null,
                3,
                SecurityPolicy.BASIC256SHA256,
                List.of(UaMessages.tokenPolicy("anon", 0, null)))));
  }

  @Test
  void noneChannelOpenRequestAndResponseBodiesAreDecoded() {
    SessionDriver d = new SessionDriver().openNoneChannel(9);
    Observation request = d.only("opcua.open-secure-channel-request");
    assertEquals(CLIENT_DEVICE, request.subject());
    assertEquals(
        Map.of(
            "securityPolicyUri",
            SecurityPolicy.NONE,
            "requestType",
            "Issue",
            "requestedSecurityMode",
            "None",
            "requestedLifetime",
            600_000L),
        request.evidence().fields());
    Observation response = d.only("opcua.open-secure-channel-response");
    assertEquals(SERVER_DEVICE, response.subject());
    assertEquals(9L, response.evidence().fields().get("secureChannelId"));
    assertEquals(7L, response.evidence().fields().get("tokenId"));
    assertEquals(600_000L, response.evidence().fields().get("revisedLifetime"));
    Observation channel = d.only("opcua.secure-channel");
    assertEquals("None", channel.evidence().fields().get("securityMode"));
    assertEquals(false, channel.evidence().fields().get("encrypted"));
    assertTrue(d.sink.findings.isEmpty());
  }

  @Test
  void securedOpenShowsBothCertificatesAndTheReceiverThumbprint() {
    byte[] thumbprint = new byte[20];
    thumbprint[0] = (byte) 0xAB;
    SessionDriver d =
        new SessionDriver()
            .fromClient(
                UaMessages.open(0, SecurityPolicy.BASIC256SHA256, CLIENT_CERT, thumbprint, null))
            .fromServer(
                UaMessages.open(4, SecurityPolicy.BASIC256SHA256, SERVER_CERT, new byte[20], null));
    Observation request = d.only("opcua.open-secure-channel-request");
    assertEquals(CLIENT_DEVICE, request.subject());
    Map<?, ?> clientCert = (Map<?, ?>) request.evidence().fields().get("clientCertificate");
    assertEquals("CN=HMI-3", clientCert.get("subject"));
    assertEquals(
        "ab00000000000000000000000000000000000000",
        request.evidence().fields().get("receiverCertificateThumbprint"));
    assertFalse(request.evidence().fields().containsKey("requestedSecurityMode"));

    Observation response = d.only("opcua.open-secure-channel-response");
    assertEquals(SERVER_DEVICE, response.subject());
    Map<?, ?> serverCert = (Map<?, ?>) response.evidence().fields().get("serverCertificate");
    assertEquals("CN=UaServer@plc-17,C=DE", serverCert.get("subject"));
    assertEquals(List.of(UaMessages.SERVER_URI), serverCert.get("sanUris"));
    assertTrue(d.bySource("opcua.secure-channel").isEmpty(), "mode unknown until a MSG chunk");
  }

  @Test
  void serverCertificateIsEvaluatedAtTheCaptureTime() {
    SessionDriver before = new SessionDriver();
    before.now = Instant.parse("2023-06-01T00:00:00Z");
    before.fromServer(UaMessages.open(4, SecurityPolicy.BASIC256SHA256, SERVER_CERT, null, null));
    assertEquals(List.of(), before.findings("opcua.certificate-expired"));
    assertEquals(1, before.findings("opcua.certificate-self-signed").size());

    SessionDriver after = new SessionDriver();
    after.now = Instant.parse("2024-06-01T00:00:00Z");
    after.fromServer(UaMessages.open(4, SecurityPolicy.BASIC256SHA256, SERVER_CERT, null, null));
    assertEquals(1, after.findings("opcua.certificate-expired").size());
    assertEquals(SERVER_DEVICE, after.findings("opcua.certificate-expired").get(0).subject());
  }

  @Test
  void deprecatedPolicyInAnOpenResponseIsAFinding() {
    SessionDriver d =
        new SessionDriver()
            .fromClient(UaMessages.hello(UaMessages.URL))
            .fromServer(UaMessages.open(4, SecurityPolicy.BASIC128RSA15, SERVER_CERT, null, null));
    assertEquals(1, d.findings("opcua.deprecated-security-policy").size());
    assertTrue(
        d.findings("opcua.deprecated-security-policy").get(0).detail().contains(UaMessages.URL));
  }

  @Test
  void signAndEncryptChannelIsRecordedAsEncryptedAndNotDecoded() {
    SessionDriver d =
        new SessionDriver()
            .fromServer(UaMessages.open(4, SecurityPolicy.BASIC256SHA256, SERVER_CERT, null, null));
    byte[] random = new byte[200];
    new java.util.Random(7).nextBytes(random);
    random[8] = 0x13; // first body byte: not a NodeId encoding
    d.fromServer(
        UaMessages.message(
            "MSG", 'F', concat(new UaBinaryWriter().u32(4).u32(1).toBytes(), random)));
    d.fromServer(UaMessages.chunk('F', 4, 2, 2, getEndpoints(), 32));
    Observation channel = d.only("opcua.secure-channel");
    assertEquals("SignAndEncrypt", channel.evidence().fields().get("securityMode"));
    assertEquals(true, channel.evidence().fields().get("encrypted"));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertTrue(d.sink.warnings.isEmpty(), () -> d.sink.warnings.toString());
  }

  @Test
  void signOnlyChannelIsDetectedAndItsSignatureStrippedAcrossChunks() {
    SessionDriver d =
        new SessionDriver()
            .fromServer(UaMessages.open(4, SecurityPolicy.BASIC256SHA256, SERVER_CERT, null, null));
    byte[] body = getEndpoints();
    int half = body.length / 2;
    d.fromServer(UaMessages.chunk('C', 4, 10, 3, Arrays.copyOf(body, half), 32));
    d.fromServer(UaMessages.chunk('F', 4, 11, 3, Arrays.copyOfRange(body, half, body.length), 32));
    assertEquals("Sign", d.only("opcua.secure-channel").evidence().fields().get("securityMode"));
    Observation endpoints = d.only("opcua.get-endpoints-response");
    assertEquals(1, endpoints.evidence().fields().get("endpointCount"));
    assertTrue(d.sink.warnings.isEmpty(), () -> d.sink.warnings.toString());
  }

  @Test
  void sha1PolicyStripsTwentyByteSignatures() {
    SessionDriver d =
        new SessionDriver()
            .fromServer(UaMessages.open(4, SecurityPolicy.BASIC256, SERVER_CERT, null, null));
    byte[] body = getEndpoints();
    int half = body.length / 2;
    d.fromServer(UaMessages.chunk('C', 4, 10, 3, Arrays.copyOf(body, half), 20));
    d.fromServer(UaMessages.chunk('F', 4, 11, 3, Arrays.copyOfRange(body, half, body.length), 20));
    assertEquals(1, d.bySource("opcua.get-endpoints-response").size());
  }

  @Test
  void signedChannelWithAPolicyOfUnknownSignatureLengthIsNotDecoded() {
    String ecc = SecurityPolicy.PREFIX + "ECC_nistP256";
    SessionDriver d = new SessionDriver().fromServer(UaMessages.open(4, ecc, null, null, null));
    d.fromServer(UaMessages.chunk('F', 4, 2, 2, getEndpoints(), 32));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("unknown policy"));
  }

  @Test
  void channelWithoutCapturedOpenIsReadWhenItsBodiesArePlaintext() {
    SessionDriver d = new SessionDriver().fromServer(UaMessages.msg(55, 2, getEndpoints()));
    assertEquals(1, d.bySource("opcua.get-endpoints-response").size());
  }

  @Test
  void channelWithoutCapturedOpenIsTakenAsEncryptedAfterSeveralUnreadableChunks() {
    SessionDriver d = new SessionDriver();
    byte[] random = new byte[64];
    new java.util.Random(3).nextBytes(random);
    random[8] = 0x7F; // first body byte: not a NodeId encoding
    for (int i = 0; i < 4; i++) {
      d.fromClient(
          UaMessages.message(
              "MSG", 'F', concat(new UaBinaryWriter().u32(55).u32(1).toBytes(), random)));
    }
    d.fromServer(UaMessages.msg(55, 2, getEndpoints()));
    assertEquals(
        "SignAndEncrypt", d.only("opcua.secure-channel").evidence().fields().get("securityMode"));
    assertTrue(d.bySource("opcua.get-endpoints-response").isEmpty());
  }

  @Test
  void closeSecureChannelIsSkipped() {
    SessionDriver d = new SessionDriver().openNoneChannel(9);
    int before = d.sink.observations.size();
    byte[] body = new UaBinaryWriter().nodeId(452).requestHeader().toBytes();
    byte[] clo =
        UaMessages.message(
            "CLO", 'F', new UaBinaryWriter().u32(9).u32(7).u32(5).u32(5).raw(body).toBytes());
    d.fromClient(clo);
    assertEquals(before, d.sink.observations.size());
    assertTrue(d.sink.warnings.isEmpty());
  }

  @Test
  void openWithAnUnexpectedBodyIsAWarning() {
    SessionDriver d = new SessionDriver();
    d.fromClient(UaMessages.open(0, SecurityPolicy.NONE, null, null, getEndpoints()));
    assertEquals(1, d.sink.warnings.size());
    assertTrue(d.sink.warnings.get(0).message().contains("GetEndpointsResponse"));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
