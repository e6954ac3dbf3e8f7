package io.fieldprint.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulated plant of {@code config/demo/plant.json}: fictitious OPC UA servers and Modbus/TCP
 * devices, each on its own loopback address. Read with every problem listed at once.
 *
 * @param name the plant's name
 * @param opcUa the OPC UA servers
 * @param modbus the Modbus/TCP devices
 */
public record PlantDescription(String name, List<OpcUaDevice> opcUa, List<ModbusDevice> modbus) {
  /** Largest plant description read. */
  static final long MAX_BYTES = 256 * 1024;

  /** Most devices of one kind. */
  static final int MAX_DEVICES = 32;

  private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.(\\d{1,3})");

  public PlantDescription {
    opcUa = List.copyOf(opcUa);
    modbus = List.copyOf(modbus);
  }

  /**
   * An OPC UA server, as its BuildInfo and DI nameplate describe it.
   *
   * @param address loopback address it binds (127.0.0.x)
   * @param hostname host name in its endpoint URLs and application name
   * @param vendor BuildInfo manufacturer and DI Manufacturer
   * @param product BuildInfo product name and DI Model
   * @param orderNumber DI ProductCode
   * @param firmware BuildInfo software version and DI SoftwareRevision, or {@code null} when the
   *     device does not tell
   * @param hardware DI HardwareRevision
   * @param serial DI SerialNumber
   * @param securityNone whether it offers the SecurityMode None endpoint
   * @param anonymous whether it accepts anonymous sessions
   * @param expiredCertificate whether its (self-signed) certificate expired
   */
  public record OpcUaDevice(
      String address,
      String hostname,
      String vendor,
      String product,
      String orderNumber,
      String firmware,
      String hardware,
      String serial,
      boolean securityNone,
      boolean anonymous,
      boolean expiredCertificate) {}

  /**
   * A Modbus/TCP device with its Read Device Identification objects.
   *
   * @param address loopback address it binds (127.0.0.x)
   * @param unitId the unit id it answers
   * @param vendor object 0x00 VendorName
   * @param productCode object 0x01 ProductCode (order number)
   * @param revision object 0x02 MajorMinorRevision
   * @param productName object 0x04 ProductName
   * @param modelName object 0x05 ModelName
   * @param serverId the FC 17 Report Server ID text
   */
  public record ModbusDevice(
      String address,
      int unitId,
      String vendor,
      String productCode,
      String revision,
      String productName,
      String modelName,
      String serverId) {}

  /** Reads and validates a plant description; the exception lists every problem. */
  public static PlantDescription read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("plant description not found: " + file);
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<String> problems = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    List<OpcUaDevice> opcUa = new ArrayList<>();
    for (JsonNode n : devices(root, "opcua", problems)) {
      opcUa.add(opcUaDevice(n, addresses, problems));
    }
    List<ModbusDevice> modbus = new ArrayList<>();
    for (JsonNode n : devices(root, "modbus", problems)) {
      modbus.add(modbusDevice(n, addresses, problems));
    }
    if (!problems.isEmpty()) {
      throw new IOException(file + ": " + String.join("; ", problems));
    }
    return new PlantDescription(root.path("name").asText("demo plant"), opcUa, modbus);
  }

  private static List<JsonNode> devices(JsonNode root, String key, List<String> problems) {
    JsonNode array = root.path(key);
    List<JsonNode> out = new ArrayList<>();
    if (!array.isArray()) {
      problems.add("'" + key + "' must be an array");
    } else if (array.size() > MAX_DEVICES) {
      problems.add("'" + key + "' lists more than " + MAX_DEVICES + " devices");
    } else {
      array.forEach(out::add);
    }
    return out;
  }

  private static OpcUaDevice opcUaDevice(JsonNode n, Set<String> addresses, List<String> p) {
    return new OpcUaDevice(
        address(n, addresses, p),
        text(n, "hostname", p),
        text(n, "vendor", p),
        text(n, "product", p),
        text(n, "orderNumber", p),
        n.hasNonNull("firmware") ? n.get("firmware").asText() : null,
        text(n, "hardware", p),
        text(n, "serial", p),
        n.path("securityNone").asBoolean(false),
        n.path("anonymous").asBoolean(false),
        n.path("expiredCertificate").asBoolean(false));
  }

  private static ModbusDevice modbusDevice(JsonNode n, Set<String> addresses, List<String> p) {
    int unit = n.path("unitId").asInt(-1);
    if (unit < 0 || unit > 255) {
      p.add("unitId must be 0-255: " + n.path("unitId"));
    }
    return new ModbusDevice(
        address(n, addresses, p),
        unit,
        text(n, "vendor", p),
        text(n, "productCode", p),
        text(n, "revision", p),
        text(n, "productName", p),
        text(n, "modelName", p),
        text(n, "serverId", p));
  }

  private static String address(JsonNode n, Set<String> addresses, List<String> p) {
    String address = n.path("address").asText("");
    var m = LOOPBACK.matcher(address);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 254) {
      p.add("address must be a loopback address 127.0.0.1-254: '" + address + "'");
    } else if (!addresses.add(address)) {
      p.add("address used twice: " + address);
    }
    return address;
  }

  private static String text(JsonNode n, String field, List<String> p) {
    String value = n.path(field).asText("");
    if (value.isBlank() || value.length() > 120) {
      p.add("'" + field + "' must be 1-120 characters at " + n.path("address").asText("?"));
    }
    return value;
  }
}
