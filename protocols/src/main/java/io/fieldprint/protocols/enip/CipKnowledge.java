package io.fieldprint.protocols.enip;

import io.fieldprint.protocols.model.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIP vendor names and device types from the knowledge files {@code cip-vendors.tsv} and {@code
 * cip-device-types.tsv} (classpath {@code io/fieldprint/knowledge/}). Loaded once; immutable.
 */
final class CipKnowledge {
  static final String VENDORS = "/io/fieldprint/knowledge/cip-vendors.tsv";
  static final String DEVICE_TYPES = "/io/fieldprint/knowledge/cip-device-types.tsv";
  private static final Logger LOG = LoggerFactory.getLogger(CipKnowledge.class);

  private final Map<Integer, String> vendors;
  private final Map<Integer, DeviceType> deviceTypes;

  /**
   * A device profile.
   *
   * @param name ODVA's name for the profile
   * @param role what a device of this type does, or {@code null}
   */
  record DeviceType(String name, Role role) {}

  CipKnowledge(Map<Integer, String> vendors, Map<Integer, DeviceType> deviceTypes) {
    this.vendors = Map.copyOf(vendors);
    this.deviceTypes = Map.copyOf(deviceTypes);
  }

  private static final class Shipped {
    static final CipKnowledge INSTANCE = load();
  }

  /** The shipped tables; empty tables (and an error in the log) if they cannot be read. */
  static CipKnowledge shipped() {
    return Shipped.INSTANCE;
  }

  String vendorName(int vendorId) {
    return vendors.get(vendorId);
  }

  DeviceType deviceType(int deviceType) {
    return deviceTypes.get(deviceType);
  }

  int vendorCount() {
    return vendors.size();
  }

  int deviceTypeCount() {
    return deviceTypes.size();
  }

  private static CipKnowledge load() {
    try {
      return new CipKnowledge(parseVendors(open(VENDORS)), parseDeviceTypes(open(DEVICE_TYPES)));
    } catch (IOException | IllegalArgumentException e) {
      LOG.error("CIP knowledge files could not be loaded; vendor and device type names are off", e);
      return new CipKnowledge(Map.of(), Map.of());
    }
  }

  private static Reader open(String resource) throws IOException {
    InputStream in = CipKnowledge.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing on the classpath: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** Parses {@code id<TAB>name} lines; a malformed line fails with its number. */
  static Map<Integer, String> parseVendors(Reader source) throws IOException {
    Map<Integer, String> vendors = new HashMap<>();
    forEachRow(
        source,
        2,
        (line, columns) -> {
          if (vendors.put(id(line, columns[0]), text(line, columns[1])) != null) {
            throw new IllegalArgumentException("line " + line + ": duplicate id " + columns[0]);
          }
        });
    return vendors;
  }

  /** Parses {@code id<TAB>name<TAB>role-or-empty} lines; a malformed line fails with its number. */
  static Map<Integer, DeviceType> parseDeviceTypes(Reader source) throws IOException {
    Map<Integer, DeviceType> types = new HashMap<>();
    forEachRow(
        source,
        3,
        (line, columns) -> {
          Role role = columns[2].isEmpty() ? null : role(line, columns[2]);
          DeviceType type = new DeviceType(text(line, columns[1]), role);
          if (types.put(id(line, columns[0]), type) != null) {
            throw new IllegalArgumentException("line " + line + ": duplicate id " + columns[0]);
          }
        });
    return types;
  }

  private interface Row {
    void accept(int line, String[] columns);
  }

  private static void forEachRow(Reader source, int columns, Row row) throws IOException {
    try (BufferedReader reader = new BufferedReader(source)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        if (parts.length != columns) {
          throw new IllegalArgumentException(
              "line "
                  + number
                  + ": "
                  + parts.length
                  + " tab-separated columns, expected "
                  + columns);
        }
        row.accept(number, parts);
      }
    }
  }

  private static int id(int line, String text) {
    try {
      int id = Integer.parseInt(text);
      if (id < 0 || id > 0xFFFF) {
        throw new IllegalArgumentException("line " + line + ": id " + id + " is not a u16");
      }
      return id;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + line + ": id '" + text + "' is not a number", e);
    }
  }

  private static String text(int line, String text) {
    if (text.isBlank() || !text.equals(text.strip())) {
      throw new IllegalArgumentException("line " + line + ": name is empty or padded");
    }
    return text;
  }

  private static Role role(int line, String text) {
    try {
      return Role.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + line + ": unknown role '" + text + "'", e);
    }
  }
}
