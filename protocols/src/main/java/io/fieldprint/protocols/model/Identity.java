package io.fieldprint.protocols.model;

/**
 * Identity claims one observation makes about a device. Every field may be {@code null}: unknown
 * stays unknown.
 *
 * @param vendor manufacturer as the device names it
 * @param product product name or family ("CPU 315-2 PN/DP", "SCALANCE X208")
 * @param model order number / product code ("6ES7 315-2EH14-0AB0", "1756-L85E")
 * @param firmware firmware or software version as reported ("V3.2.6")
 * @param hardware hardware revision as reported
 * @param serial serial number
 * @param name the device's configured name (NameOfStation, sysName, LLDP system name)
 * @param role what the device does, or {@code null} when this observation does not tell
 */
public record Identity(
    String vendor,
    String product,
    String model,
    String firmware,
    String hardware,
    String serial,
    String name,
    Role role) {

  public static final Identity NONE = new Identity(null, null, null, null, null, null, null, null);

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Collects identity claims; blank strings count as unknown. */
  public static final class Builder {
    private String vendor;
    private String product;
    private String model;
    private String firmware;
    private String hardware;
    private String serial;
    private String name;
    private Role role;

    public Builder vendor(String v) {
      vendor = clean(v);
      return this;
    }

    public Builder product(String v) {
      product = clean(v);
      return this;
    }

    public Builder model(String v) {
      model = clean(v);
      return this;
    }

    public Builder firmware(String v) {
      firmware = clean(v);
      return this;
    }

    public Builder hardware(String v) {
      hardware = clean(v);
      return this;
    }

    public Builder serial(String v) {
      serial = clean(v);
      return this;
    }

    public Builder name(String v) {
      name = clean(v);
      return this;
    }

    public Builder role(Role r) {
      role = r;
      return this;
    }

    public Identity build() {
      return new Identity(vendor, product, model, firmware, hardware, serial, name, role);
    }

    private static String clean(String s) {
      if (s == null) {
        return null;
      }
      String t = s.strip();
      return t.isEmpty() ? null : t;
    }
  }
}
