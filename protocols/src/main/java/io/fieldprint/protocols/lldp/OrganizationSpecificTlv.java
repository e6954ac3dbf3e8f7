package io.fieldprint.protocols.lldp;

import io.fieldprint.protocols.oui.MacAddress;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organizationally Specific TLVs (type 127): OUI u24 + subtype u8 + value. Decodes IEEE 802.1
 * (00-80-C2), IEEE 802.3 (00-12-0F), TIA LLDP-MED (00-12-BB) and PROFINET (00-0E-CF); other OUIs
 * are kept as hex.
 */
final class OrganizationSpecificTlv {
  static final int IEEE_802_1 = 0x0080C2;
  static final int IEEE_802_3 = 0x00120F;
  static final int LLDP_MED = 0x0012BB;
  static final int PROFINET = 0x000ECF;

  private static final List<String> INVENTORY =
      List.of(
          "hardwareRevision",
          "firmwareRevision",
          "softwareRevision",
          "serialNumber",
          "manufacturer",
          "model",
          "assetId");

  private OrganizationSpecificTlv() {}

  static Map<String, Object> decode(
      ByteBuffer b,
      int oui,
      int subtype,
      int v,
      int n,
      Map<String, String> inventory,
      List<String> problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("oui", String.format("%02x-%02x-%02x", oui >>> 16, (oui >>> 8) & 0xFF, oui & 0xFF));
    out.put("subtype", subtype);
    boolean known =
        switch (oui) {
          case IEEE_802_1 -> dot1(b, subtype, v, n, out);
          case IEEE_802_3 -> dot3(b, subtype, v, n, out);
          case LLDP_MED -> med(b, subtype, v, n, out, inventory);
          case PROFINET -> profinet(b, subtype, v, n, out);
          default -> false;
        };
    if (!known) {
      out.put("value", DeviceText.hex(b, v, n, 128));
    }
    if (out.containsKey("truncated")) {
      problems.add(
          "organizationally specific TLV " + out.get("oui") + "/" + subtype + " too short");
    }
    return out;
  }

  private static boolean dot1(ByteBuffer b, int subtype, int v, int n, Map<String, Object> out) {
    switch (subtype) {
      case 1 -> {
        out.put("name", "port VLAN ID");
        return need(n, 2, out) && put(out, "portVlanId", b.getShort(v) & 0xFFFF);
      }
      case 2 -> {
        out.put("name", "port and protocol VLAN ID");
        return need(n, 3, out)
            && put(out, "flags", b.get(v) & 0xFF)
            && put(out, "vlanId", b.getShort(v + 1) & 0xFFFF);
      }
      case 3 -> {
        out.put("name", "VLAN name");
        if (!need(n, 3, out)) {
          return true;
        }
        int len = Math.min(b.get(v + 2) & 0xFF, n - 3);
        return put(out, "vlanId", b.getShort(v) & 0xFFFF)
            && put(out, "vlanName", DeviceText.decode(b, v + 3, len, 32));
      }
      case 4 -> {
        out.put("name", "protocol identity");
        return put(out, "value", DeviceText.hex(b, v, n, 128));
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean dot3(ByteBuffer b, int subtype, int v, int n, Map<String, Object> out) {
    switch (subtype) {
      case 1 -> {
        out.put("name", "MAC/PHY configuration/status");
        return need(n, 5, out)
            && put(out, "autoNegotiation", b.get(v) & 0xFF)
            && put(out, "pmdAdvertisedCapability", b.getShort(v + 1) & 0xFFFF)
            && put(out, "operationalMauType", b.getShort(v + 3) & 0xFFFF);
      }
      case 2 -> {
        out.put("name", "power via MDI");
        return need(n, 3, out)
            && put(out, "mdiPowerSupport", b.get(v) & 0xFF)
            && put(out, "psePowerPair", b.get(v + 1) & 0xFF)
            && put(out, "powerClass", b.get(v + 2) & 0xFF);
      }
      case 3 -> {
        out.put("name", "link aggregation");
        return need(n, 5, out)
            && put(out, "aggregationStatus", b.get(v) & 0xFF)
            && put(out, "aggregatedPortId", b.getInt(v + 1) & 0xFFFF_FFFFL);
      }
      case 4 -> {
        out.put("name", "maximum frame size");
        return need(n, 2, out) && put(out, "maxFrameSize", b.getShort(v) & 0xFFFF);
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean med(
      ByteBuffer b, int subtype, int v, int n, Map<String, Object> out, Map<String, String> inv) {
    if (subtype == 1) {
      out.put("name", "LLDP-MED capabilities");
      return need(n, 3, out)
          && put(out, "capabilities", b.getShort(v) & 0xFFFF)
          && put(out, "deviceClass", b.get(v + 2) & 0xFF);
    }
    if (subtype >= 5 && subtype <= 11) {
      String key = INVENTORY.get(subtype - 5);
      String value = DeviceText.decode(b, v, n, 32);
      out.put("name", "inventory " + key);
      out.put(key, value);
      if (!value.isEmpty()) {
        inv.put(key, value);
      }
      return true;
    }
    return false;
  }

  private static boolean profinet(
      ByteBuffer b, int subtype, int v, int n, Map<String, Object> out) {
    switch (subtype) {
      case 1 -> {
        out.put("name", "PROFINET measured delay values");
        if (!need(n, 20, out)) {
          return true;
        }
        return put(out, "rxDelayLocal", u32(b, v))
            && put(out, "rxDelayRemote", u32(b, v + 4))
            && put(out, "txDelayLocal", u32(b, v + 8))
            && put(out, "txDelayRemote", u32(b, v + 12))
            && put(out, "cableDelayLocal", u32(b, v + 16));
      }
      case 2 -> {
        out.put("name", "PROFINET port status");
        return need(n, 4, out)
            && put(out, "rtClass2PortStatus", b.getShort(v) & 0xFFFF)
            && put(out, "rtClass3PortStatus", b.getShort(v + 2) & 0xFFFF);
      }
      case 3 -> {
        out.put("name", "PROFINET alias");
        return put(out, "alias", DeviceText.decode(b, v, n));
      }
      case 4 -> {
        out.put("name", "PROFINET MRP port status");
        return need(n, 18, out)
            && put(out, "mrpDomainUuid", DeviceText.hex(b, v, 16, 16))
            && put(out, "mrrtPortStatus", b.getShort(v + 16) & 0xFFFF);
      }
      case 5 -> {
        out.put("name", "PROFINET chassis MAC");
        return need(n, 6, out) && put(out, "chassisMac", MacAddress.format(b, v));
      }
      case 6 -> {
        out.put("name", "PROFINET PTCP status");
        return need(n, 6, out)
            && put(out, "ptcpMasterSourceAddress", MacAddress.format(b, v))
            && put(out, "value", DeviceText.hex(b, v + 6, n - 6, 64));
      }
      case 7 -> {
        out.put("name", "PROFINET MAU type extension");
        return need(n, 2, out) && put(out, "mauTypeExtension", b.getShort(v) & 0xFFFF);
      }
      default -> {
        return false;
      }
    }
  }

  private static long u32(ByteBuffer b, int at) {
    return b.getInt(at) & 0xFFFF_FFFFL;
  }

  private static boolean need(int n, int bytes, Map<String, Object> out) {
    if (n < bytes) {
      out.put("truncated", true);
      return false;
    }
    return true;
  }

  private static boolean put(Map<String, Object> out, String key, Object value) {
    out.put(key, value);
    return true;
  }
}
