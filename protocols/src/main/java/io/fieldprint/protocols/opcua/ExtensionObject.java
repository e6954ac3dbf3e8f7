package io.fieldprint.protocols.opcua;

/**
 * ExtensionObject (Part 6 §5.2.2.15): the encoding NodeId of the body's type, an encoding byte
 * (0x00 no body, 0x01 binary ByteString body, 0x02 XmlElement body), then an Int32 length and the
 * body. Binary bodies of the types fieldprint reads are decoded (BuildInfo, ServerStatusDataType,
 * user identity tokens); others are skipped by their length.
 *
 * @param typeId the DataTypeEncoding NodeId (e.g. {@code i=340} for BuildInfo)
 * @param encoding 0 none, 1 binary, 2 XML
 * @param bodyLength body bytes, -1 when there is no body
 * @param body the decoded body, or {@code null} for types not decoded and on {@code bodyFailure}
 * @param bodyFailure why a known body type did not decode, or {@code null}
 */
public record ExtensionObject(
    NodeId typeId, int encoding, int bodyLength, Object body, String bodyFailure) {

  public static ExtensionObject read(UaBinaryReader r, int depth) {
    NodeId typeId = ExpandedNodeId.read(r).nodeId();
    int encoding = r.readByte();
    if (r.failed() || encoding == 0) {
      return new ExtensionObject(typeId, encoding, -1, null, null);
    }
    if (encoding != 1 && encoding != 2) {
      r.fail("ExtensionObject encoding " + encoding);
      return new ExtensionObject(typeId, encoding, -1, null, null);
    }
    int length = r.readInt32();
    if (length == -1) {
      return new ExtensionObject(typeId, encoding, -1, null, null);
    }
    UaBinaryReader body = r.slice(length);
    if (r.failed() || encoding != 1 || typeId.namespaceIndex() != 0) {
      return new ExtensionObject(typeId, encoding, length, null, null);
    }
    Object decoded = decodeBody(body, typeId.numeric(), depth);
    return new ExtensionObject(typeId, encoding, length, decoded, body.failure());
  }

  private static Object decodeBody(UaBinaryReader body, long encodingId, int depth) {
    if (depth > body.limits().maxDepth()) {
      body.fail("ExtensionObject nested deeper than " + body.limits().maxDepth());
      return null;
    }
    Object decoded;
    if (encodingId == BuildInfo.ENCODING_ID) {
      decoded = BuildInfo.read(body);
    } else if (encodingId == ServerStatusDataType.ENCODING_ID) {
      decoded = ServerStatusDataType.read(body);
    } else {
      decoded = UserIdentityToken.readIfToken(body, encodingId);
    }
    return body.failed() ? null : decoded;
  }

  /** Moves past one ExtensionObject without decoding its body. */
  public static void skip(UaBinaryReader r) {
    ExpandedNodeId.skip(r);
    int encoding = r.readByte();
    if (encoding == 1 || encoding == 2) {
      r.skipString();
    } else if (encoding != 0) {
      r.fail("ExtensionObject encoding " + encoding);
    }
  }
}
