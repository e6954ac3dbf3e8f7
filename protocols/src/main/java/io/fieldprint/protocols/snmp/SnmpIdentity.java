package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.sysdescr.SystemDescriptions;

/** Identity claims from the MIB-II system group (RFC 1213) and from SNMPv3 engine ids. */
final class SnmpIdentity {
  static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
  static final String SYS_OBJECT_ID = "1.3.6.1.2.1.1.2.0";
  static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";
  static final String SYS_CONTACT = "1.3.6.1.2.1.1.4.0";
  static final String SYS_NAME = "1.3.6.1.2.1.1.5.0";
  static final String SYS_LOCATION = "1.3.6.1.2.1.1.6.0";

  private final SystemDescriptions descriptions;
  private final SnmpEnterprises enterprises;

  SnmpIdentity(SystemDescriptions descriptions, SnmpEnterprises enterprises) {
    this.descriptions = descriptions;
    this.enterprises = enterprises;
  }

  /** sysDescr parsed by the description patterns, vendor from sysObjectID, name = sysName. */
  Identity of(SnmpMessage m) {
    Identity.Builder id = Identity.builder();
    VarBind descr = m.find(SYS_DESCR);
    String vendorFromDescr = null;
    if (descr != null && "octetString".equals(descr.type())) {
      var parsed = descriptions.parse(descr.text());
      if (parsed.isPresent()) {
        parsed.get().applyTo(id);
        vendorFromDescr = parsed.get().vendor();
      }
    }
    if (vendorFromDescr == null) {
      VarBind objectId = m.find(SYS_OBJECT_ID);
      String enterprise =
          objectId != null && "objectIdentifier".equals(objectId.type())
              ? objectId.text()
              : m.trap() != null ? m.trap().enterprise() : null;
      enterprises.vendor(SnmpEnterprises.enterpriseOf(enterprise)).ifPresent(id::vendor);
    }
    VarBind name = m.find(SYS_NAME);
    if (name != null && "octetString".equals(name.type())) {
      id.name(name.text());
    }
    return id.build();
  }

  /** Vendor from the engine id's enterprise number. */
  Identity ofEngine(EngineId engine) {
    if (engine == null) {
      return Identity.NONE;
    }
    return enterprises
        .vendor(engine.enterprise())
        .map(v -> Identity.builder().vendor(v).build())
        .orElse(Identity.NONE);
  }
}
