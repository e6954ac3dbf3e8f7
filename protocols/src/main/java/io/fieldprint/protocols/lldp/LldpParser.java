package io.fieldprint.protocols.lldp;

import io.fieldprint.protocols.snmp.ObjectIdentifiers;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the TLVs of an LLDPDU (type = high 7 bits, length = low 9 bits of a u16), checking each
 * length against the bytes present. Stops at End of LLDPDU, at the end of the data, or after {@link
 * #MAX_TLVS} TLVs.
 */
final class LldpParser {
  static final int MAX_TLVS = 128;
  static final int MAX_MANAGEMENT_ADDRESSES = 8;

  private final ByteBuffer b;
  private final List<String> problems = new ArrayList<>();
  private final List<ManagementAddress> addresses = new ArrayList<>();
  private final Map<String, String> inventory = new LinkedHashMap<>();
  private final List<Map<String, Object>> org = new ArrayList<>();
  private LldpId chassis;
  private LldpId port;
  private int ttl = -1;
  private String portDescription;
  private String systemName;
  private String systemDescription;
  private SystemCapabilities capabilities;

  private LldpParser(ByteBuffer b) {
    this.b = b;
  }

  /** Parses from the buffer's position to its limit; never moves the position. */
  static LldpDu parse(ByteBuffer buffer) {
    LldpParser p = new LldpParser(buffer);
    p.walk(buffer.position(), buffer.limit());
    return p.result();
  }

  private void walk(int at, int end) {
    int count = 0;
    while (true) {
      if (end - at < 2) {
        problems.add("LLDPDU ends without an End of LLDPDU TLV");
        return;
      }
      int head = b.getShort(at) & 0xFFFF;
      int type = head >>> 9;
      int length = head & 0x1FF;
      if (at + 2 + length > end) {
        problems.add(
            "TLV type " + type + " claims " + length + " bytes, " + (end - at - 2) + " left");
        return;
      }
      if (type == 0) {
        return;
      }
      if (++count > MAX_TLVS) {
        problems.add("more than " + MAX_TLVS + " TLVs; the rest ignored");
        return;
      }
      tlv(type, at + 2, length, count);
      at += 2 + length;
    }
  }

  private void tlv(int type, int v, int n, int index) {
    if (index <= 3 && type != index) {
      problems.add(
          "TLV "
              + index
              + " is type "
              + type
              + ", expected "
              + List.of("Chassis ID", "Port ID", "TTL").get(index - 1));
    }
    switch (type) {
      case 1 -> chassis = n >= 2 ? LldpId.chassis(b, v, n) : tooShort("Chassis ID", n, chassis);
      case 2 -> port = n >= 2 ? LldpId.port(b, v, n) : tooShort("Port ID", n, port);
      case 3 -> {
        if (n >= 2) {
          ttl = b.getShort(v) & 0xFFFF;
        } else {
          problems.add("TTL TLV of " + n + " bytes");
        }
      }
      case 4 -> portDescription = DeviceText.decode(b, v, n);
      case 5 -> systemName = DeviceText.decode(b, v, n);
      case 6 -> systemDescription = DeviceText.decode(b, v, n, 511);
      case 7 -> {
        if (n == 4) {
          capabilities = new SystemCapabilities(b.getShort(v) & 0xFFFF, b.getShort(v + 2) & 0xFFFF);
        } else {
          problems.add("System Capabilities TLV of " + n + " bytes, expected 4");
        }
      }
      case 8 -> managementAddress(v, n);
      case 127 -> organizationSpecific(v, n);
      default -> org.add(Map.of("tlvType", type, "value", DeviceText.hex(b, v, n, 64)));
    }
  }

  private <T> T tooShort(String what, int n, T previous) {
    problems.add(what + " TLV of " + n + " bytes");
    return previous;
  }

  private void managementAddress(int v, int n) {
    int addrLen = n >= 1 ? b.get(v) & 0xFF : 0;
    if (addrLen < 2 || addrLen > 32 || 1 + addrLen + 6 > n) {
      problems.add("Management Address TLV of " + n + " bytes with address length " + addrLen);
      return;
    }
    int family = b.get(v + 1) & 0xFF;
    String address = LldpId.networkAddress(b, v + 1, addrLen);
    address = address.substring(address.indexOf(':') + 1);
    int at = v + 1 + addrLen;
    int numbering = b.get(at) & 0xFF;
    long number = b.getInt(at + 1) & 0xFFFF_FFFFL;
    int oidLen = b.get(at + 5) & 0xFF;
    String oid = null;
    if (oidLen > 0) {
      oid = at + 6 + oidLen <= v + n ? ObjectIdentifiers.toDotted(b, at + 6, oidLen) : null;
      if (oid == null) {
        problems.add("Management Address OID of " + oidLen + " bytes is not valid");
      }
    }
    if (addresses.size() < MAX_MANAGEMENT_ADDRESSES) {
      addresses.add(new ManagementAddress(family, address, numbering, number, oid));
    }
  }

  private void organizationSpecific(int v, int n) {
    if (n < 4) {
      problems.add("Organizationally Specific TLV of " + n + " bytes");
      return;
    }
    int oui = ((b.get(v) & 0xFF) << 16) | ((b.get(v + 1) & 0xFF) << 8) | (b.get(v + 2) & 0xFF);
    int subtype = b.get(v + 3) & 0xFF;
    Map<String, Object> entry =
        OrganizationSpecificTlv.decode(b, oui, subtype, v + 4, n - 4, inventory, problems);
    if (org.size() < MAX_TLVS) {
      org.add(entry);
    }
  }

  private LldpDu result() {
    if (chassis == null) {
      problems.add("no Chassis ID TLV");
    }
    if (port == null) {
      problems.add("no Port ID TLV");
    }
    return new LldpDu(
        chassis,
        port,
        ttl,
        portDescription,
        systemName,
        systemDescription,
        capabilities,
        List.copyOf(addresses),
        Map.copyOf(inventory),
        List.copyOf(org),
        List.copyOf(problems));
  }
}
