package io.fieldprint.agent.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity one simulated device reports, derived deterministically from its number so that no
 * two devices of a run look alike.
 *
 * @param vendor manufacturer (Modbus VendorName, OPC UA ManufacturerName and DI Manufacturer)
 * @param product product name (Modbus ProductName, OPC UA ProductName and DI Model)
 * @param model order number / product code (Modbus ProductCode, DI ProductCode)
 * @param firmware firmware (Modbus MajorMinorRevision, OPC UA SoftwareVersion, DI SoftwareRevision)
 * @param build OPC UA BuildNumber
 * @param serial DI SerialNumber
 * @param hardware DI HardwareRevision
 * @param serverId Modbus FC 17 server id byte
 * @param serverText Modbus FC 17 additional data (ASCII)
 */
record SimulatedIdentity(
    String vendor,
    String product,
    String model,
    String firmware,
    String build,
    String serial,
    String hardware,
    int serverId,
    String serverText) {

  private static final List<String> VENDORS =
      List.of(
          "Acme Automation",
          "Borealis Controls",
          "Castellan Drives",
          "Delta Fieldworks",
          "Ember Process Systems",
          "Fjord Instruments",
          "Granite Power Electronics",
          "Halcyon Metering");

  /** The identity of device {@code n} of {@code protocol} ("modbus" or "opcua"). */
  static SimulatedIdentity of(String protocol, int n) {
    String vendor = VENDORS.get(n % VENDORS.size());
    String family = protocol.equals("modbus") ? "IO" : "PLC";
    String product = vendor.split(" ")[0] + " " + family + "-" + (1000 + n);
    String model = String.format("%s-%04d-%02dAB", family, n, n % 97);
    String firmware = "V" + (1 + n % 5) + "." + (n % 13) + "." + (n % 29);
    return new SimulatedIdentity(
        vendor,
        product,
        model,
        firmware,
        Integer.toString(20_000 + n),
        String.format("SN%s%06d", family, n * 7919 % 1_000_000),
        Integer.toString(1 + n % 4),
        1 + n % 247,
        product + " fw " + firmware);
  }

  /** As JSON fields, for the devices file the report reads. */
  Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vendor", vendor);
    f.put("product", product);
    f.put("model", model);
    f.put("firmware", firmware);
    f.put("build", build);
    f.put("serial", serial);
    f.put("hardware", hardware);
    f.put("serverId", serverId);
    f.put("serverText", serverText);
    return f;
  }
}
