package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.decode.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evidence fields of a community-based message; the community is masked unless a default. */
final class SnmpFields {
  /** Variable bindings copied into the evidence at most. */
  static final int MAX_EVIDENCE_VARBINDS = 32;

  private SnmpFields() {}

  static Map<String, Object> of(SnmpMessage m, Endpoint sender) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("snmpVersion", m.version() == 0 ? "1" : "2c");
    f.put("community", Communities.display(m.community()));
    f.put("communityWellKnown", Communities.isWellKnown(m.community()));
    f.put("pdu", m.pduName());
    f.put("sourcePort", sender.port());
    if (m.trap() == null) {
      f.put("requestId", m.requestId());
      f.put("errorStatus", m.errorStatus());
      f.put("errorIndex", m.errorIndex());
    } else {
      f.put("enterprise", m.trap().enterprise());
      f.put("agentAddress", m.trap().agentAddress());
      f.put("genericTrap", m.trap().genericTrap());
      f.put("specificTrap", m.trap().specificTrap());
      f.put("timestamp", m.trap().timestamp());
    }
    system(f, m);
    List<Map<String, Object>> binds = new ArrayList<>();
    for (VarBind v : m.varBinds()) {
      if (binds.size() == MAX_EVIDENCE_VARBINDS) {
        f.put("varBindsTruncated", true);
        break;
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("oid", v.oid());
      b.put("type", v.type());
      b.put("value", v.value());
      binds.add(b);
    }
    f.put("varBinds", binds);
    return f;
  }

  private static void system(Map<String, Object> f, SnmpMessage m) {
    String[][] names = {
      {SnmpIdentity.SYS_DESCR, "sysDescr"},
      {SnmpIdentity.SYS_OBJECT_ID, "sysObjectID"},
      {SnmpIdentity.SYS_UP_TIME, "sysUpTime"},
      {SnmpIdentity.SYS_CONTACT, "sysContact"},
      {SnmpIdentity.SYS_NAME, "sysName"},
      {SnmpIdentity.SYS_LOCATION, "sysLocation"}
    };
    for (String[] n : names) {
      VarBind v = m.find(n[0]);
      if (v != null && v.value() != null) {
        f.put(n[1], v.value());
      }
    }
  }
}
