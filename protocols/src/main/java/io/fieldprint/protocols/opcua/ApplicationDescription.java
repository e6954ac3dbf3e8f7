package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ApplicationDescription structure (DataType i=308, binary encoding i=310; Part 4 §7.2): who an
 * application says it is.
 *
 * @param applicationUri ApplicationUri String (globally unique id of the application instance)
 * @param productUri ProductUri String (globally unique id of the product)
 * @param applicationName ApplicationName LocalizedText
 * @param applicationType ApplicationType enumeration (Int32), see {@link ApplicationType}
 * @param gatewayServerUri GatewayServerUri String
 * @param discoveryProfileUri DiscoveryProfileUri String
 * @param discoveryUrls DiscoveryUrls String[]
 */
public record ApplicationDescription(
    String applicationUri,
    String productUri,
    LocalizedText applicationName,
    int applicationType,
    String gatewayServerUri,
    String discoveryProfileUri,
    List<String> discoveryUrls) {

  /** Fewest bytes one encoded ApplicationDescription takes. */
  static final int MIN_BYTES = 25;

  public static ApplicationDescription read(UaBinaryReader r) {
    String applicationUri = r.readString();
    String productUri = r.readString();
    LocalizedText name = LocalizedText.read(r);
    int type = r.readInt32();
    String gateway = r.readString();
    String discoveryProfile = r.readString();
    List<String> urls = r.readStringArray();
    return new ApplicationDescription(
        applicationUri, productUri, name, type, gateway, discoveryProfile, urls);
  }

  /** The application name's text, or {@code null}. */
  public String nameText() {
    return applicationName == null ? null : applicationName.text();
  }

  /** JSON-friendly fields (absent values left out). */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    BuildInfo.putIfSet(f, "applicationUri", applicationUri);
    BuildInfo.putIfSet(f, "productUri", productUri);
    BuildInfo.putIfSet(f, "applicationName", nameText());
    f.put("applicationType", ApplicationType.nameOf(applicationType));
    BuildInfo.putIfSet(f, "gatewayServerUri", gatewayServerUri);
    BuildInfo.putIfSet(f, "discoveryProfileUri", discoveryProfileUri);
    if (!discoveryUrls.isEmpty()) {
      f.put("discoveryUrls", discoveryUrls);
    }
    return f;
  }
}
