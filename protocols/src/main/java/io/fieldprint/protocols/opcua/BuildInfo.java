package io.fieldprint.protocols.opcua;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BuildInfo structure (DataType i=338, binary encoding i=340; Part 5 §12.4): the fields of the
 * Server_ServerStatus_BuildInfo variable (i=2260) and its children i=2261..2266.
 *
 * @param productUri ProductUri String (i=2262)
 * @param manufacturerName ManufacturerName String (i=2263)
 * @param productName ProductName String (i=2261)
 * @param softwareVersion SoftwareVersion String (i=2264)
 * @param buildNumber BuildNumber String (i=2265)
 * @param buildDate BuildDate DateTime (i=2266)
 */
public record BuildInfo(
    String productUri,
    String manufacturerName,
    String productName,
    String softwareVersion,
    String buildNumber,
    Instant buildDate) {

  /** BuildInfo_Encoding_DefaultBinary. */
  public static final long ENCODING_ID = 340;

  public static final BuildInfo EMPTY = new BuildInfo(null, null, null, null, null, null);

  public static BuildInfo read(UaBinaryReader r) {
    String productUri = r.readString();
    String manufacturer = r.readString();
    String productName = r.readString();
    String softwareVersion = r.readString();
    String buildNumber = r.readString();
    return new BuildInfo(
        productUri, manufacturer, productName, softwareVersion, buildNumber, r.readDateTime());
  }

  /** This BuildInfo with the non-null fields of {@code other} laid over it. */
  public BuildInfo merge(BuildInfo other) {
    return new BuildInfo(
        pick(other.productUri, productUri),
        pick(other.manufacturerName, manufacturerName),
        pick(other.productName, productName),
        pick(other.softwareVersion, softwareVersion),
        pick(other.buildNumber, buildNumber),
        other.buildDate != null ? other.buildDate : buildDate);
  }

  private static String pick(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** JSON-friendly fields (absent values left out). */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    putIfSet(f, "productUri", productUri);
    putIfSet(f, "manufacturerName", manufacturerName);
    putIfSet(f, "productName", productName);
    putIfSet(f, "softwareVersion", softwareVersion);
    putIfSet(f, "buildNumber", buildNumber);
    putIfSet(f, "buildDate", buildDate == null ? null : buildDate.toString());
    return f;
  }

  static void putIfSet(Map<String, Object> fields, String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
  }
}
