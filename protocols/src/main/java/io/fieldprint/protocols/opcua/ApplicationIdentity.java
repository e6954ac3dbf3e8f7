package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Role;
import io.fieldprint.protocols.x509.CertificateChain;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns what an OPC UA application says about itself into identity claims and fields. */
final class ApplicationIdentity {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private ApplicationIdentity() {}

  /**
   * Identity from an ApplicationDescription: product = ApplicationName; name = the host of a
   * hierarchical ApplicationUri when it is a host name (not an IP address or localhost); role
   * CLIENT for pure client applications. Vendor and firmware are not in an ApplicationDescription.
   */
  static Identity of(ApplicationDescription app) {
    Identity.Builder b = Identity.builder().product(app.nameText()).name(nameFrom(app));
    if (app.applicationType() == ApplicationType.CLIENT.ordinal()) {
      b.role(Role.CLIENT);
    }
    return b.build();
  }

  /** Identity from BuildInfo: vendor, product, firmware. */
  static Identity of(BuildInfo info) {
    return Identity.builder()
        .vendor(info.manufacturerName())
        .product(info.productName())
        .firmware(info.softwareVersion())
        .build();
  }

  private static String nameFrom(ApplicationDescription app) {
    String host = hostOf(app.applicationUri());
    return host == null || isIpLiteral(host) || isLoopbackName(host) ? null : host;
  }

  /** The host part of a URL or hierarchical URI, or {@code null}. */
  static String hostOf(String uri) {
    if (uri == null) {
      return null;
    }
    try {
      URI parsed = new URI(uri);
      return parsed.getHost();
    } catch (URISyntaxException e) {
      // not a URI with a host (e.g. urn:...): no host to report
      return null;
    }
  }

  /** Whether {@code host} is an IPv4 or bracketed IPv6 literal. */
  static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || host.startsWith("[");
  }

  /** {@code localhost} and loopback addresses. */
  static boolean isLoopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
  }

  /**
   * Certificate fields: the first (application) certificate's fields, with any further certificates
   * of the chain under {@code issuerChain}; or why the bytes did not decode.
   */
  static Map<String, Object> certificateFields(CertificateChain chain) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (chain instanceof CertificateChain.Decoded decoded) {
      out.putAll(decoded.leaf().fields());
      List<Object> issuers = new ArrayList<>();
      decoded.certificates().stream().skip(1).forEach(c -> issuers.add(c.fields()));
      if (!issuers.isEmpty()) {
        out.put("issuerChain", issuers);
      }
    } else {
      out.put("malformed", ((CertificateChain.Malformed) chain).reason());
    }
    return out;
  }

  /** The leaf's SHA-1 thumbprint, or {@code null}. */
  static String thumbprint(CertificateChain chain) {
    return chain instanceof CertificateChain.Decoded
        ? ((CertificateChain.Decoded) chain).leaf().sha1Thumbprint()
        : null;
  }
}
