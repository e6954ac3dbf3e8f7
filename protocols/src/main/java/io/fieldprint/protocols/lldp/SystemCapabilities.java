package io.fieldprint.protocols.lldp;

import io.fieldprint.protocols.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * System Capabilities TLV (7): two u16 bitmaps, what the system can do and what is enabled (IEEE
 * 802.1AB 8.5.8).
 *
 * @param capabilities system capabilities bitmap
 * @param enabled enabled capabilities bitmap
 */
public record SystemCapabilities(int capabilities, int enabled) {
  private static final String[] NAMES = {
    "other",
    "repeater",
    "bridge",
    "WLAN access point",
    "router",
    "telephone",
    "DOCSIS cable device",
    "station only",
    "C-VLAN component",
    "S-VLAN component",
    "two-port MAC relay"
  };
  static final int BRIDGE = 1 << 2;
  static final int ROUTER = 1 << 4;
  static final int STATION_ONLY = 1 << 7;

  /** Names of the bits set in {@code bits}; undefined bits as "bit N". */
  public static List<String> names(int bits) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      if ((bits & (1 << i)) != 0) {
        out.add(i < NAMES.length ? NAMES[i] : "bit " + i);
      }
    }
    return out;
  }

  /**
   * Router enabled → router; bridge enabled on a system that is not also a station → switch;
   * otherwise nothing (end stations with an embedded switch, such as PLCs, say "bridge, station").
   */
  public Role role() {
    if ((enabled & ROUTER) != 0) {
      return Role.ROUTER;
    }
    if ((enabled & BRIDGE) != 0 && ((capabilities | enabled) & STATION_ONLY) == 0) {
      return Role.SWITCH;
    }
    return null;
  }
}
