package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.PacketContext;
import io.fieldprint.protocols.decode.Parsed;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Observation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports the identities in ListIdentity replies and Identity Get_Attributes_All replies. */
final class ListIdentityObserver {
  static final String PROTOCOL = "enip";
  static final String SOURCE_LIST_IDENTITY = "enip.list-identity";
  static final String SOURCE_GET_ATTRIBUTES_ALL = "enip.identity-get-attributes-all";

  private final CipIdentityClaims claims;

  ListIdentityObserver(CipIdentityClaims claims) {
    this.claims = claims;
  }

  /** The reply data between absolute {@code at} and {@code end}, sent by {@code responder}. */
  void onListIdentityReply(
      PacketContext ctx, DeviceRef responder, String transport, ByteBuffer b, int at, int end) {
    Parsed<ListIdentityResponse> parsed = ListIdentityResponse.parse(b, at, end);
    if (parsed instanceof Parsed.Malformed<ListIdentityResponse> m) {
      warn(ctx, m.reason());
      return;
    }
    ListIdentityResponse reply = ((Parsed.Ok<ListIdentityResponse>) parsed).value();
    if (reply.problem() != null) {
      warn(ctx, reply.problem());
    }
    List<Map<String, Object>> others = new ArrayList<>();
    for (ListIdentityResponse.RawItem item : reply.otherItems()) {
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put("typeId", String.format("0x%04x", item.typeId()));
      raw.put("typeName", itemName(item.typeId()));
      raw.put("length", item.length());
      raw.put("hex", item.hex());
      others.add(raw);
    }
    for (ListIdentityResponse.IdentityItem item : reply.identities()) {
      Map<String, Object> fields = claims.fields(item.identity());
      fields.put("transport", transport);
      fields.put("encapsulationVersion", item.encapsulationVersion());
      fields.put("socketFamily", item.socketFamily());
      fields.put("socketAddress", item.socketAddress());
      fields.put("socketPort", item.socketPort());
      fields.put("socketAddressDiffers", !item.socketAddress().equals(responder.ip()));
      if (!others.isEmpty()) {
        fields.put("otherItems", others);
      }
      observe(ctx, responder, item.identity(), SOURCE_LIST_IDENTITY, fields);
    }
  }

  void onIdentityAttributes(PacketContext ctx, DeviceRef responder, CipIdentity identity) {
    observe(ctx, responder, identity, SOURCE_GET_ATTRIBUTES_ALL, claims.fields(identity));
  }

  private void observe(
      PacketContext ctx,
      DeviceRef responder,
      CipIdentity identity,
      String source,
      Map<String, Object> fields) {
    ctx.sink()
        .observe(
            new Observation(
                PROTOCOL,
                responder,
                claims.identity(identity),
                Authority.DEVICE_REPORTED,
                new Evidence(source, ctx.timestamp(), ctx.origin(), fields)));
  }

  static String itemName(int typeId) {
    return switch (typeId) {
      case 0x000C -> "CIP Identity";
      case 0x0086 -> "CIP Security Information";
      case 0x0087 -> "EtherNet/IP Capability";
      default -> "unknown";
    };
  }

  static void warn(PacketContext ctx, String message) {
    ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, message));
  }
}
