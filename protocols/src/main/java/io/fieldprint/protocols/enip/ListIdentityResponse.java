package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Command-specific data of a ListIdentity reply: item count u16, then items of type id u16, length
 * u16 and data. Type 0x000C, CIP Identity: encapsulation protocol version u16, socket address (16
 * bytes, big-endian: sin_family, sin_port, sin_addr, sin_zero), then the {@link CipIdentity}
 * attributes. Other items (0x0086 CIP Security information, 0x0087 EtherNet/IP capability) are kept
 * as hex.
 *
 * @param identities the CIP Identity items
 * @param otherItems the other items, raw
 * @param problem what was inconsistent, or {@code null}
 */
record ListIdentityResponse(
    List<IdentityItem> identities, List<RawItem> otherItems, String problem) {
  static final int CIP_IDENTITY = 0x000C;

  /** Items a reply may carry at most; a device sends one identity and one or two others. */
  static final int MAX_ITEMS = 8;

  /** Bytes of another item's data that are kept. */
  static final int MAX_RAW = 256;

  ListIdentityResponse {
    identities = List.copyOf(identities);
    otherItems = List.copyOf(otherItems);
  }

  /**
   * A CIP Identity item.
   *
   * @param encapsulationVersion u16
   * @param socketFamily sin_family (2 for AF_INET)
   * @param socketPort sin_port
   * @param socketAddress sin_addr, the address the device believes it has
   * @param identity the identity attributes
   */
  record IdentityItem(
      int encapsulationVersion,
      int socketFamily,
      int socketPort,
      String socketAddress,
      CipIdentity identity) {}

  /**
   * An item kept raw.
   *
   * @param typeId u16
   * @param length u16 as announced
   * @param hex up to {@value ListIdentityResponse#MAX_RAW} bytes of data
   */
  record RawItem(int typeId, int length, String hex) {}

  /** Decodes the data between absolute offsets {@code at} and {@code end}. */
  static Parsed<ListIdentityResponse> parse(ByteBuffer b, int at, int end) {
    if (end - at < 2) {
      return Parsed.malformed("ListIdentity reply without item count");
    }
    int count = LittleEndian.u16(b, at);
    List<IdentityItem> identities = new ArrayList<>(1);
    List<RawItem> others = new ArrayList<>(0);
    int p = at + 2;
    for (int i = 0; i < Math.min(count, MAX_ITEMS); i++) {
      if (end - p < 4) {
        return Parsed.malformed("ListIdentity reply announces " + count + " items, holds " + i);
      }
      int type = LittleEndian.u16(b, p);
      int length = LittleEndian.u16(b, p + 2);
      if (end - p - 4 < length) {
        return Parsed.malformed(
            String.format("item 0x%04x claims %d bytes, %d left", type, length, end - p - 4));
      }
      if (type == CIP_IDENTITY) {
        Parsed<IdentityItem> item = identityItem(b, p + 4, p + 4 + length);
        if (item instanceof Parsed.Malformed<IdentityItem> m) {
          return Parsed.malformed(m.reason());
        }
        identities.add(((Parsed.Ok<IdentityItem>) item).value());
      } else {
        int kept = Math.min(length, MAX_RAW);
        byte[] data = new byte[kept];
        b.get(p + 4, data);
        others.add(new RawItem(type, length, HexFormat.of().formatHex(data)));
      }
      p += 4 + length;
    }
    String problem = count > MAX_ITEMS ? count + " items announced, " + MAX_ITEMS + " read" : null;
    return Parsed.ok(new ListIdentityResponse(identities, others, problem));
  }

  private static Parsed<IdentityItem> identityItem(ByteBuffer b, int at, int end) {
    if (end - at < 18) {
      return Parsed.malformed("CIP identity item of " + (end - at) + " bytes");
    }
    String address =
        (b.get(at + 6) & 0xFF)
            + "."
            + (b.get(at + 7) & 0xFF)
            + "."
            + (b.get(at + 8) & 0xFF)
            + "."
            + (b.get(at + 9) & 0xFF);
    Parsed<CipIdentity> identity = CipIdentity.parse(b, at + 18, end);
    if (identity instanceof Parsed.Malformed<CipIdentity> m) {
      return Parsed.malformed(m.reason());
    }
    return Parsed.ok(
        new IdentityItem(
            LittleEndian.u16(b, at),
            LittleEndian.u16be(b, at + 2),
            LittleEndian.u16be(b, at + 4),
            address,
            ((Parsed.Ok<CipIdentity>) identity).value()));
  }
}
