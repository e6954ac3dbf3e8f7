package io.fieldprint.protocols.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** NodeId, ExpandedNodeId, LocalizedText, QualifiedName, DiagnosticInfo, ExtensionObject. */
class BuiltinStructuresTest {

  private static UaBinaryReader reader(UaBinaryWriter w) {
    return UaBinaryReader.of(w.toBytes());
  }

  @Test
  void nodeIdTwoByteFourByteAndNumericForms() {
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .u8(0)
                .u8(85)
                .u8(1)
                .u8(3)
                .i16(2256)
                .u8(2)
                .i16(300)
                .u32(0xFFFF_FFF0L));
    assertEquals(NodeId.numeric(0, 85), NodeId.read(r));
    assertEquals(NodeId.numeric(3, 2256), NodeId.read(r));
    NodeId big = NodeId.read(r);
    assertEquals(300, big.namespaceIndex());
    assertEquals(0xFFFF_FFF0L, big.numeric());
    assertFalse(r.failed());
    assertEquals("ns=3;i=2256", NodeId.numeric(3, 2256).toString());
    assertTrue(NodeId.numeric(0, 2256).isNs0(2256));
  }

  @Test
  void nodeIdStringGuidAndOpaqueForms() {
    UUID g = UUID.fromString("09087e75-8e5e-499b-954f-f2a9603db28a");
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .u8(3)
                .i16(1)
                .string("the.answer")
                .u8(4)
                .i16(2)
                .guid(g)
                .u8(5)
                .i16(1)
                .bytes(new byte[] {1, 2, 3}));
    assertEquals("ns=1;s=the.answer", NodeId.read(r).toString());
    assertEquals("ns=2;g=" + g, NodeId.read(r).toString());
    NodeId opaque = NodeId.read(r);
    assertEquals(NodeId.Kind.OPAQUE, opaque.kind());
    assertEquals("ns=1;b=AQID", opaque.toString());
    assertFalse(r.failed());
  }

  @Test
  void skippingANodeIdConsumesWhatReadingItDoesAndReturnsOnlyNs0NumericIds() {
    UaBinaryWriter w =
        new UaBinaryWriter()
            .u8(0)
            .u8(85)
            .u8(1)
            .u8(0)
            .i16(2261)
            .u8(1)
            .u8(2)
            .i16(2261)
            .u8(2)
            .i16(0)
            .u32(70000)
            .u8(3)
            .i16(1)
            .string("the.answer")
            .u8(4)
            .i16(2)
            .guid(UUID.randomUUID())
            .u8(5)
            .i16(1)
            .bytes(new byte[] {1, 2, 3});
    UaBinaryReader skipping = reader(w);
    UaBinaryReader reading = reader(w);
    long[] want = {85, 2261, -1, 70000, -1, -1, -1};
    for (long id : want) {
      assertEquals(id, NodeId.skipToNs0Numeric(skipping));
      NodeId.read(reading);
      assertEquals(reading.position(), skipping.position());
    }
    assertFalse(skipping.failed());
    UaBinaryReader bad = reader(new UaBinaryWriter().u8(9));
    assertEquals(-1, NodeId.skipToNs0Numeric(bad));
    assertTrue(bad.failed());
  }

  @Test
  void opaqueNodeIdKeepsAPrefixOfLongIdentifiers() {
    UaBinaryReader r = reader(new UaBinaryWriter().u8(5).i16(0).bytes(new byte[1000]).u8(7));
    assertEquals(88, NodeId.read(r).text().length());
    assertEquals(7, r.readByte());
  }

  @Test
  void nodeIdWithUnknownFormOrExpandedFlagsIsMalformed() {
    UaBinaryReader unknown = reader(new UaBinaryWriter().u8(6).u8(0).u8(0));
    NodeId.read(unknown);
    assertTrue(unknown.failure().contains("NodeId encoding 6"), unknown.failure());

    UaBinaryReader flagged = reader(new UaBinaryWriter().u8(0x81).u8(0).i16(5).string("x"));
    NodeId.read(flagged);
    assertTrue(flagged.failure().contains("ExpandedNodeId flags"), flagged.failure());
  }

  @Test
  void expandedNodeIdReadsNamespaceUriAndServerIndexFlags() {
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .u8(0x80 | 0x40 | 1)
                .u8(0)
                .i16(2256)
                .string("http://example.com/UA/")
                .u32(3)
                .u8(0x40)
                .u8(7)
                .u32(9)
                .u8(0x01)
                .u8(0)
                .i16(42));
    ExpandedNodeId both = ExpandedNodeId.read(r);
    assertEquals(NodeId.numeric(0, 2256), both.nodeId());
    assertEquals("http://example.com/UA/", both.namespaceUri());
    assertEquals(3, both.serverIndex());
    ExpandedNodeId server = ExpandedNodeId.read(r);
    assertNull(server.namespaceUri());
    assertEquals(9, server.serverIndex());
    assertEquals(new ExpandedNodeId(NodeId.numeric(0, 42), null, 0), ExpandedNodeId.read(r));
    assertFalse(r.failed());
  }

  @Test
  void localizedTextMaskSelectsTheFields() {
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .localizedText(null, null)
                .localizedText("de", null)
                .localizedText(null, "Pumpe")
                .localizedText("en", "Pump"));
    assertEquals(LocalizedText.NULL, LocalizedText.read(r));
    assertEquals(new LocalizedText("de", null), LocalizedText.read(r));
    assertEquals(new LocalizedText(null, "Pumpe"), LocalizedText.read(r));
    assertEquals(new LocalizedText("en", "Pump"), LocalizedText.read(r));
    assertFalse(r.failed());
  }

  @Test
  void qualifiedNameRoundTrips() {
    QualifiedName q = QualifiedName.read(reader(new UaBinaryWriter().i16(2).string("Temp")));
    assertEquals(new QualifiedName(2, "Temp"), q);
  }

  @Test
  void diagnosticInfoReadsEveryFieldInSpecOrder() {
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .u8(0x7F)
                .i32(1)
                .i32(2)
                .i32(3)
                .i32(4)
                .string("more")
                .u32(0x80340000L)
                .u8(0x20)
                .u32(0x80020000L));
    DiagnosticInfo d = DiagnosticInfo.read(r, 0);
    assertEquals(1, d.symbolicId());
    assertEquals(2, d.namespaceUri());
    assertEquals(3, d.locale());
    assertEquals(4, d.localizedText());
    assertEquals("more", d.additionalInfo());
    assertEquals(0x80340000L, d.innerStatusCode());
    assertEquals(0x80020000L, d.inner().innerStatusCode());
    assertFalse(r.failed());
  }

  @Test
  void diagnosticInfoNestedDeeperThanTheLimitIsMalformed() {
    UaBinaryWriter w = new UaBinaryWriter();
    for (int i = 0; i < 50; i++) {
      w.u8(0x40);
    }
    w.u8(0);
    UaBinaryReader r = reader(w);
    DiagnosticInfo.read(r, 0);
    assertTrue(r.failure().contains("nested deeper than 10"), r.failure());

    UaBinaryWriter ok = new UaBinaryWriter();
    for (int i = 0; i < 4; i++) {
      ok.u8(0x40);
    }
    ok.u8(0);
    UaBinaryReader fine = reader(ok);
    DiagnosticInfo.read(fine, 0);
    assertFalse(fine.failed());
  }

  @Test
  void extensionObjectDecodesBuildInfoBodies() {
    Instant built = Instant.parse("2022-05-04T10:00:00Z");
    byte[] body =
        new UaBinaryWriter()
            .string("http://vendor.example/plc")
            .string("Vendor AG")
            .string("CPU 1516")
            .string("V2.9.4")
            .string("1234")
            .dateTime(built)
            .toBytes();
    ExtensionObject eo =
        ExtensionObject.read(reader(new UaBinaryWriter().extensionObject(340, body)), 0);
    assertEquals(
        new BuildInfo(
            "http://vendor.example/plc", "Vendor AG", "CPU 1516", "V2.9.4", "1234", built),
        eo.body());
    assertNull(eo.bodyFailure());
  }

  @Test
  void extensionObjectSkipsUnknownBodiesAndKeepsTheRestOfTheStream() {
    UaBinaryReader r =
        reader(
            new UaBinaryWriter()
                .extensionObject(9999, new byte[] {1, 2, 3})
                .extensionObject(0, null)
                .u8(0x55));
    ExtensionObject unknown = ExtensionObject.read(r, 0);
    assertEquals(3, unknown.bodyLength());
    assertNull(unknown.body());
    assertEquals(-1, ExtensionObject.read(r, 0).bodyLength());
    assertEquals(0x55, r.readByte());
  }

  @Test
  void extensionObjectWithATruncatedKnownBodyReportsItWithoutFailingTheStream() {
    byte[] body = new UaBinaryWriter().string("only-one-field").toBytes();
    UaBinaryReader r = reader(new UaBinaryWriter().extensionObject(340, body).u8(1));
    ExtensionObject eo = ExtensionObject.read(r, 0);
    assertNull(eo.body());
    assertTrue(eo.bodyFailure().contains("needs 4 bytes, 0 left"), eo.bodyFailure());
    assertEquals(1, r.readByte());
    assertFalse(r.failed());
  }

  @Test
  void extensionObjectWithUnknownEncodingByteIsMalformed() {
    UaBinaryReader r = reader(new UaBinaryWriter().nodeId(340).u8(7).bytes(new byte[2]));
    ExtensionObject.read(r, 0);
    assertTrue(r.failure().contains("ExtensionObject encoding 7"), r.failure());
  }

  @Test
  void extensionObjectBodyThatOverClaimsFails() {
    UaBinaryReader r = reader(new UaBinaryWriter().nodeId(340).u8(1).i32(500).raw(new byte[10]));
    ExtensionObject.read(r, 0);
    assertTrue(r.failed());
  }

  @Test
  void identityTokenBodiesNeverKeepTheSecret() {
    byte[] token = UaMessages.userNameToken("s3cret!", null);
    ExtensionObject eo =
        ExtensionObject.read(reader(new UaBinaryWriter().extensionObject(324, token)), 0);
    UserIdentityToken t = (UserIdentityToken) eo.body();
    assertEquals(UserTokenType.USER_NAME, t.kind());
    assertEquals("username", t.policyId());
    assertTrue(t.secretPresent());
    assertTrue(t.secretInClear());
    assertFalse(t.toString().contains("s3cret"));
    assertFalse(t.toString().contains("operator"));
  }

  @Test
  void everyIdentityTokenKindIsRecognisedByItsEncodingId() {
    byte[] x509 = new UaBinaryWriter().string("cert").bytes(new byte[10]).toBytes();
    byte[] issued =
        new UaBinaryWriter()
            .string("jwt")
            .bytes(new byte[5])
            .string("http://www.w3.org/2001/04/xmlenc#rsa-oaep")
            .toBytes();
    assertEquals(UserTokenType.ANONYMOUS, token(321, UaMessages.anonymousToken()).kind());
    assertEquals(UserTokenType.CERTIFICATE, token(327, x509).kind());
    UserIdentityToken i = token(940, issued);
    assertEquals(UserTokenType.ISSUED_TOKEN, i.kind());
    assertFalse(i.secretInClear());
  }

  private static UserIdentityToken token(long id, byte[] body) {
    return (UserIdentityToken)
        ExtensionObject.read(reader(new UaBinaryWriter().extensionObject(id, body)), 0).body();
  }

  @Test
  void peekEncodingIdRecognisesTheThreeNumericForms() {
    assertEquals(85, UaService.peekEncodingId(wrap(0, 85), 0, 2));
    assertEquals(631, UaService.peekEncodingId(wrap(1, 0, 0x77, 0x02), 0, 4));
    assertEquals(12208, UaService.peekEncodingId(wrap(2, 0, 0, 0xB0, 0x2F, 0, 0), 0, 7));
    assertEquals(-1, UaService.peekEncodingId(wrap(1, 2, 0x77, 0x02), 0, 4));
    assertEquals(-1, UaService.peekEncodingId(wrap(3, 0, 0, 1, 0, 0, 0), 0, 7));
    assertEquals(-1, UaService.peekEncodingId(wrap(1, 0, 0x77), 0, 3));
  }

  private static ByteBuffer wrap(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return ByteBuffer.wrap(b);
  }

  @Test
  void serviceNamesFollowTheSpec() {
    assertEquals("ReadRequest", UaService.nameOf(631));
    assertEquals("GetEndpointsResponse", UaService.nameOf(431));
    assertEquals("TranslateBrowsePathsToNodeIdsRequest", UaService.nameOf(554));
    assertEquals("ServiceFault", UaService.nameOf(397));
    assertEquals("i=5", UaService.nameOf(5));
  }

  @Test
  void endpointDescriptionRoundTrip() {
    byte[] cert = {0x30, 0x03, 1, 2, 3};
    byte[] encoded =
        UaMessages.endpoint(
            UaMessages.URL,
            cert,
            2,
            SecurityPolicy.BASIC256SHA256,
            List.of(
                UaMessages.tokenPolicy("anon", 0, null),
                UaMessages.tokenPolicy("user", 1, SecurityPolicy.BASIC256SHA256)));
    UaBinaryReader r = UaBinaryReader.of(encoded);
    EndpointDescription e = EndpointDescription.read(r);
    assertFalse(r.failed());
    assertEquals(0, r.remaining());
    assertEquals(UaMessages.URL, e.endpointUrl());
    assertEquals(UaMessages.SERVER_URI, e.server().applicationUri());
    assertEquals("urn:vendor:product", e.server().productUri());
    assertEquals("Vendor UA Server", e.server().nameText());
    assertEquals(0, e.server().applicationType());
    assertEquals(List.of(UaMessages.URL), e.server().discoveryUrls());
    assertArrayEquals(cert, e.serverCertificate());
    assertEquals(2, e.securityMode());
    assertEquals(SecurityPolicy.BASIC256SHA256, e.securityPolicyUri());
    assertEquals(new UserTokenPolicy("anon", 0, null, null, null), e.userIdentityTokens().get(0));
    assertEquals(SecurityPolicy.BASIC256SHA256, e.userIdentityTokens().get(1).securityPolicyUri());
    assertEquals(
        "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary",
        e.transportProfileUri());
    assertEquals(2, e.securityLevel());
  }
}
