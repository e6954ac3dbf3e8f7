package io.fieldprint.protocols.opcua;

import java.time.Instant;
import java.util.List;

/** Builds complete OPC UA TCP messages and service bodies for tests. */
final class UaMessages {
  static final String NONE = SecurityPolicy.NONE;
  static final String URL = "opc.tcp://plc-17.plant.example:4840/ua";
  static final String SERVER_URI = "urn:plc-17:vendor:ua-server";

  private UaMessages() {}

  /** Header + body with MessageSize filled in. */
  static byte[] message(String type, char chunk, byte[] body) {
    UaBinaryWriter w = new UaBinaryWriter();
    w.u8(type.charAt(0)).u8(type.charAt(1)).u8(type.charAt(2)).u8(chunk);
    w.u32(8 + body.length).raw(body);
    return w.toBytes();
  }

  static byte[] hello(String url) {
    return message(
        "HEL",
        'F',
        new UaBinaryWriter().u32(0).u32(65536).u32(65536).u32(0).u32(0).string(url).toBytes());
  }

  static byte[] acknowledge() {
    return message(
        "ACK",
        'F',
        new UaBinaryWriter().u32(0).u32(8192).u32(8192).u32(16_777_216).u32(64).toBytes());
  }

  static byte[] error(long code, String reason) {
    return message("ERR", 'F', new UaBinaryWriter().u32(code).string(reason).toBytes());
  }

  static byte[] reverseHello(String serverUri, String url) {
    return message("RHE", 'F', new UaBinaryWriter().string(serverUri).string(url).toBytes());
  }

  /** OPN chunk: channel id, asymmetric header, then (for policy None) sequence header + body. */
  static byte[] open(long channelId, String policy, byte[] cert, byte[] thumbprint, byte[] body) {
    UaBinaryWriter w =
        new UaBinaryWriter().u32(channelId).string(policy).bytes(cert).bytes(thumbprint);
    if (body != null) {
      w.u32(1).u32(1).raw(body);
    } else {
      w.raw(new byte[] {(byte) 0x9a, 0x21, 0x7f, 0x03, 0x55, (byte) 0xee, 0x10, 0x42});
    }
    return message("OPN", 'F', w.toBytes());
  }

  static byte[] openRequestBody(int securityMode) {
    return new UaBinaryWriter()
        .nodeId(446)
        .requestHeader()
        .u32(0)
        .u32(0)
        .u32(securityMode)
        .bytes(null)
        .u32(600_000)
        .toBytes();
  }

  static byte[] openResponseBody(long channelId) {
    return new UaBinaryWriter()
        .nodeId(449)
        .responseHeader(0)
        .u32(0)
        .u32(channelId)
        .u32(7)
        .dateTime(Instant.parse("2024-01-02T03:04:06Z"))
        .u32(600_000)
        .bytes(null)
        .toBytes();
  }

  /** MSG chunk: symmetric header, sequence header, body, then {@code signature} bytes. */
  static byte[] chunk(
      char type, long channelId, long sequence, long requestId, byte[] body, int signature) {
    UaBinaryWriter w =
        new UaBinaryWriter()
            .u32(channelId)
            .u32(7)
            .u32(sequence)
            .u32(requestId)
            .raw(body)
            .raw(new byte[signature]);
    return message("MSG", type, w.toBytes());
  }

  static byte[] msg(long channelId, long requestId, byte[] body) {
    return chunk('F', channelId, requestId + 100, requestId, body, 0);
  }

  static byte[] applicationDescription(String uri, String name, int type, List<String> urls) {
    return new UaBinaryWriter()
        .string(uri)
        .string("urn:vendor:product")
        .localizedText("en", name)
        .i32(type)
        .string(null)
        .string(null)
        .stringArray(urls)
        .toBytes();
  }

  /** A UserTokenPolicy. */
  static byte[] tokenPolicy(String id, int type, String policy) {
    return new UaBinaryWriter()
        .string(id)
        .i32(type)
        .string(null)
        .string(null)
        .string(policy)
        .toBytes();
  }

  static byte[] endpoint(String url, byte[] cert, int mode, String policy, List<byte[]> tokens) {
    UaBinaryWriter w =
        new UaBinaryWriter()
            .string(url)
            .raw(applicationDescription(SERVER_URI, "Vendor UA Server", 0, List.of(url)))
            .bytes(cert)
            .i32(mode)
            .string(policy)
            .i32(tokens.size());
    tokens.forEach(w::raw);
    return w.string("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary")
        .u8(mode == 3 ? 200 : mode)
        .toBytes();
  }

  static byte[] getEndpointsResponse(List<byte[]> endpoints) {
    UaBinaryWriter w = new UaBinaryWriter().nodeId(431).responseHeader(0).i32(endpoints.size());
    endpoints.forEach(w::raw);
    return w.toBytes();
  }

  static byte[] findServersResponse(List<byte[]> applications) {
    UaBinaryWriter w = new UaBinaryWriter().nodeId(425).responseHeader(0).i32(applications.size());
    applications.forEach(w::raw);
    return w.toBytes();
  }

  static byte[] createSessionRequest(byte[] clientApplication, byte[] clientCertificate) {
    return new UaBinaryWriter()
        .nodeId(461)
        .requestHeader()
        .raw(clientApplication)
        .string(SERVER_URI)
        .string(URL)
        .string("HMI session 1")
        .bytes(new byte[32])
        .bytes(clientCertificate)
        .f64(1_200_000)
        .u32(0)
        .toBytes();
  }

  static byte[] createSessionResponse(byte[] serverCertificate, List<byte[]> endpoints) {
    UaBinaryWriter w =
        new UaBinaryWriter()
            .nodeId(464)
            .responseHeader(0)
            .u8(2)
            .i16(1)
            .u32(77)
            .u8(5)
            .i16(1)
            .bytes(new byte[16])
            .f64(1_200_000)
            .bytes(new byte[32])
            .bytes(serverCertificate)
            .i32(endpoints.size());
    endpoints.forEach(w::raw);
    return w.i32(0).string(null).bytes(null).u32(2_097_152).toBytes();
  }

  /** ActivateSessionRequest with an identity token ExtensionObject. */
  static byte[] activateSessionRequest(long tokenEncodingId, byte[] tokenBody) {
    return new UaBinaryWriter()
        .nodeId(467)
        .requestHeader()
        .string(null)
        .bytes(null)
        .i32(0)
        .stringArray(List.of("en"))
        .extensionObject(tokenEncodingId, tokenBody)
        .string(null)
        .bytes(null)
        .toBytes();
  }

  static byte[] anonymousToken() {
    return new UaBinaryWriter().string("anonymous").toBytes();
  }

  static byte[] userNameToken(String password, String encryption) {
    return new UaBinaryWriter()
        .string("username")
        .string("operator")
        .bytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .string(encryption)
        .toBytes();
  }

  static byte[] activateSessionResponse(long status) {
    return new UaBinaryWriter()
        .nodeId(470)
        .responseHeader(status)
        .bytes(null)
        .i32(0)
        .i32(0)
        .toBytes();
  }

  /** ReadRequest of Value attributes of namespace-0 numeric nodes. */
  static byte[] readRequest(long... nodes) {
    UaBinaryWriter w =
        new UaBinaryWriter().nodeId(631).requestHeader().f64(0).i32(0).i32(nodes.length);
    for (long n : nodes) {
      w.nodeId(n).u32(13).string(null).i16(0).string(null);
    }
    return w.toBytes();
  }

  /** ReadResponse with the given DataValue encodings. */
  static byte[] readResponse(List<byte[]> dataValues) {
    UaBinaryWriter w = new UaBinaryWriter().nodeId(634).responseHeader(0).i32(dataValues.size());
    dataValues.forEach(w::raw);
    return w.i32(-1).toBytes();
  }

  static byte[] stringValue(String s) {
    return new UaBinaryWriter().u8(1).u8(12).string(s).toBytes();
  }

  static byte[] serviceFault(long status) {
    return new UaBinaryWriter().nodeId(397).responseHeader(status).toBytes();
  }
}
