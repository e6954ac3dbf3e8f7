package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.knowledge.KeyedTable;
import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IANA Private Enterprise Number → vendor, from {@code
 * io/fieldprint/knowledge/snmp-enterprises.tsv}.
 */
public final class SnmpEnterprises {
  static final String RESOURCE = "/io/fieldprint/knowledge/snmp-enterprises.tsv";
  private static final String ENTERPRISES = "1.3.6.1.4.1.";

  private final Map<Long, String> vendors;

  private SnmpEnterprises(Map<Long, String> vendors) {
    this.vendors = Map.copyOf(vendors);
  }

  /** The shipped table, loaded on first use. */
  public static SnmpEnterprises shipped() {
    return Holder.INSTANCE;
  }

  /** All rows. */
  public Map<Long, String> all() {
    return vendors;
  }

  /** The vendor registered under {@code pen}. */
  public Optional<String> vendor(long pen) {
    return Optional.ofNullable(vendors.get(pen));
  }

  /** The enterprise number of an OID under 1.3.6.1.4.1, or -1. */
  public static long enterpriseOf(String oid) {
    if (oid == null || !oid.startsWith(ENTERPRISES)) {
      return -1;
    }
    int end = oid.indexOf('.', ENTERPRISES.length());
    String arc = oid.substring(ENTERPRISES.length(), end < 0 ? oid.length() : end);
    if (arc.isEmpty() || arc.length() > 10 || !arc.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(arc);
  }

  /** Reads the TSV ({@code PEN <TAB> vendor <TAB> registered name}). */
  public static SnmpEnterprises read(InputStream in) throws IOException {
    return new SnmpEnterprises(
        KeyedTable.read(
            in, "snmp-enterprises.tsv", Pattern.compile("[0-9]{1,10}"), Long::parseLong));
  }

  private static final class Holder {
    static final SnmpEnterprises INSTANCE = KnowledgeFile.load(RESOURCE, SnmpEnterprises::read);
  }
}
