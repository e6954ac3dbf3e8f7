package io.fieldprint.protocols.pnio;

import io.fieldprint.protocols.decode.Parsed;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PDInterfaceDataReal (block type 0x0240, in the PDRealData record 0xF841): the device's own view
 * of its interface. Body: LengthOwnChassisID u8, OwnChassisID (the NameOfStation), padding to 4,
 * MACAddress 6 bytes, padding to 4, IPAddress, Subnetmask, StandardGateway (4 bytes each).
 */
record PdInterfaceDataReal(
    String ownChassisId, String mac, String ip, String subnetMask, String gateway) {

  static Parsed<PdInterfaceDataReal> parse(ByteBuffer b, BlockHeader h, int alignBase) {
    BlockReader r = BlockReader.body(b, h, alignBase);
    String chassis = r.text(r.u8(), ArBlockReq.MAX_STATION_NAME);
    r.align4();
    String mac = r.mac();
    r.align4();
    PdInterfaceDataReal d = new PdInterfaceDataReal(chassis, mac, r.ipv4(), r.ipv4(), r.ipv4());
    if (r.overrun()) {
      return Parsed.malformed(
          "PDInterfaceDataReal body of " + h.bodyLength() + " bytes is too short for its fields");
    }
    return Parsed.ok(d);
  }

  Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ownChassisId", ownChassisId);
    f.put("mac", mac);
    f.put("ip", ip);
    f.put("subnetMask", subnetMask);
    f.put("gateway", gateway);
    return f;
  }
}
