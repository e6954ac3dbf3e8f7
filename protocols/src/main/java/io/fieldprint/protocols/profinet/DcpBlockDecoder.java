package io.fieldprint.protocols.profinet;

import io.fieldprint.protocols.decode.AddressText;
import io.fieldprint.protocols.oui.MacAddress;
import io.fieldprint.protocols.sysdescr.DeviceText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes the values of DCP blocks into fields and station identity. */
final class DcpBlockDecoder {
  /** NameOfStation: 1 to 240 octets (IEC 61158-6-10 4.3.1.4.15). */
  static final int MAX_NAME = 240;

  private final ByteBuffer b;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<Object> options = new ArrayList<>();
  private final List<Object> control = new ArrayList<>();
  private final List<Object> dhcp = new ArrayList<>();
  private final List<Object> other = new ArrayList<>();
  private String name;
  private String type;
  private int vendorId = -1;
  private int deviceId = -1;
  private int roleBits = -1;
  private String ip;
  private boolean ipSet;

  private DcpBlockDecoder(ByteBuffer buffer) {
    this.b = buffer;
  }

  static DcpStation decode(ByteBuffer buffer, DcpPdu pdu) {
    DcpBlockDecoder d = new DcpBlockDecoder(buffer);
    for (DcpBlock block : pdu.blocks()) {
      d.block(pdu.header(), block);
    }
    return d.result();
  }

  private DcpStation result() {
    putIfNotEmpty("deviceOptions", options);
    putIfNotEmpty("control", control);
    putIfNotEmpty("dhcp", dhcp);
    putIfNotEmpty("otherBlocks", other);
    return new DcpStation(
        name, type, vendorId, deviceId, roleBits, ip, ipSet, fields, List.copyOf(problems));
  }

  private void putIfNotEmpty(String key, List<Object> list) {
    if (!list.isEmpty()) {
      fields.put(key, List.copyOf(list));
    }
  }

  private void block(DcpHeader header, DcpBlock k) {
    if (header.blocksAreSelectors()) {
      options.add(k.key());
      return;
    }
    if (header.blocksHaveBlockQualifier() && k.prefix() >= 0 && k.option() != DcpOptions.CONTROL) {
      fields.put("blockQualifier" + k.option() + "_" + k.suboption(), qualifier(k.prefix()));
    }
    switch (k.option()) {
      case DcpOptions.IP -> ip(header, k);
      case DcpOptions.DEVICE -> device(k);
      case DcpOptions.DHCP -> dhcp.add(Map.of("option", k.suboption(), "value", hex(k)));
      case DcpOptions.CONTROL -> control(k);
      case DcpOptions.ALL -> fields.put("allSelector", true);
      default ->
          other.add(
              Map.of(
                  "block",
                  k.key(),
                  "name",
                  DcpOptions.name(k.option(), k.suboption()),
                  "value",
                  hex(k)));
    }
  }

  private void ip(DcpHeader header, DcpBlock k) {
    if (k.suboption() == 1 && need(k, 6)) {
      fields.put("mac", MacAddress.format(b, k.valueOffset()));
    } else if ((k.suboption() == 2 || k.suboption() == 3) && need(k, 12)) {
      ip = AddressText.ipv4(b, k.valueOffset());
      fields.put("ip", ip);
      fields.put("subnetMask", AddressText.ipv4(b, k.valueOffset() + 4));
      fields.put("gateway", AddressText.ipv4(b, k.valueOffset() + 8));
      if (k.suboption() == 3 && need(k, 28)) {
        List<String> dns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          dns.add(AddressText.ipv4(b, k.valueOffset() + 12 + 4 * i));
        }
        fields.put("dnsServers", dns);
      }
      if (header.blocksHaveBlockInfo() && k.prefix() >= 0) {
        fields.put("ipBlockInfo", DcpOptions.ipBlockInfo(k.prefix()));
        fields.put("ipConflict", (k.prefix() & 0x80) != 0);
        ipSet = (k.prefix() & 0x7F) == 1 || (k.prefix() & 0x7F) == 2;
      } else {
        ipSet = header.blocksHaveBlockQualifier();
      }
    } else if (k.suboption() > 3) {
      other.add(Map.of("block", k.key(), "value", hex(k)));
    }
  }

  private void device(DcpBlock k) {
    switch (k.suboption()) {
      case 1 -> {
        type = text(k, 255);
        fields.put("deviceVendorValue", type);
      }
      case 2 -> nameOfStation(k);
      case 3 -> deviceIds(k);
      case 4 -> {
        if (need(k, 1)) {
          roleBits = b.get(k.valueOffset()) & 0xFF;
          fields.put("deviceRole", roleBits);
          fields.put("deviceRoleNames", DcpOptions.roleNames(roleBits));
        }
      }
      case 5 -> {
        for (int i = 0; i + 1 < k.valueLength(); i += 2) {
          int at = k.valueOffset() + i;
          options.add((b.get(at) & 0xFF) + "/" + (b.get(at + 1) & 0xFF));
        }
      }
      case 6 -> fields.put("aliasName", text(k, MAX_NAME + 15));
      case 7 -> {
        if (need(k, 2)) {
          fields.put(
              "deviceInstance",
              (b.get(k.valueOffset()) & 0xFF) + "." + (b.get(k.valueOffset() + 1) & 0xFF));
        }
      }
      case 8 -> {
        if (need(k, 4)) {
          fields.put("oemVendorId", hex16(b.getShort(k.valueOffset())));
          fields.put("oemDeviceId", hex16(b.getShort(k.valueOffset() + 2)));
        }
      }
      case 10 -> {
        if (need(k, 2)) {
          fields.put("rsiProperties", b.getShort(k.valueOffset()) & 0xFFFF);
        }
      }
      default -> other.add(Map.of("block", k.key(), "value", hex(k)));
    }
  }

  private void nameOfStation(DcpBlock k) {
    name = text(k, MAX_NAME);
    fields.put("nameOfStation", name);
    if (k.valueLength() > MAX_NAME) {
      problems.add("NameOfStation of " + k.valueLength() + " bytes exceeds 240");
    }
    if (DeviceText.hasControlCharacters(b, k.valueOffset(), k.valueLength())) {
      problems.add("NameOfStation contains NUL or control bytes");
    }
    if (!name.isEmpty() && !name.matches("[A-Za-z0-9.-]{1,240}")) {
      problems.add("NameOfStation \"" + name + "\" is not a DNS-compatible name");
    }
  }

  private void deviceIds(DcpBlock k) {
    if (need(k, 4)) {
      vendorId = b.getShort(k.valueOffset()) & 0xFFFF;
      deviceId = b.getShort(k.valueOffset() + 2) & 0xFFFF;
      fields.put("vendorId", hex16((short) vendorId));
      fields.put("deviceId", hex16((short) deviceId));
    }
  }

  private void control(DcpBlock k) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("operation", DcpOptions.name(k.option(), k.suboption()));
    if (k.suboption() == 4 && k.valueLength() >= 3) {
      int at = k.valueOffset();
      entry.put("for", DcpOptions.name(b.get(at) & 0xFF, b.get(at + 1) & 0xFF));
      entry.put("blockError", DcpOptions.blockError(b.get(at + 2) & 0xFF));
    } else if (k.prefix() >= 0) {
      entry.put("blockQualifier", k.prefix());
    }
    if (k.suboption() == 3 && k.valueLength() >= 2) {
      entry.put("signalValue", b.getShort(k.valueOffset()) & 0xFFFF);
    }
    control.add(entry);
  }

  private boolean need(DcpBlock k, int bytes) {
    if (k.valueLength() < bytes) {
      problems.add(
          "block "
              + k.key()
              + " ("
              + DcpOptions.name(k.option(), k.suboption())
              + ") has "
              + k.valueLength()
              + " value bytes, needs "
              + bytes);
      return false;
    }
    return true;
  }

  private String text(DcpBlock k, int max) {
    return DeviceText.decode(b, k.valueOffset(), k.valueLength(), max);
  }

  private String hex(DcpBlock k) {
    return DeviceText.hex(b, k.valueOffset(), k.valueLength(), 64);
  }

  private static String hex16(short v) {
    return String.format("0x%04x", v & 0xFFFF);
  }

  private static String qualifier(int q) {
    return switch (q) {
      case 0 -> "temporary";
      case 1 -> "permanent";
      default -> "reserved " + q;
    };
  }
}
