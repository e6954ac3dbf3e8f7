package io.fieldprint.protocols.profinet;

import io.fieldprint.protocols.knowledge.KeyedTable;
import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PROFINET VendorID → vendor name, from {@code io/fieldprint/knowledge/profinet-vendors.tsv} (only
 * ids with a public citation; each row names its source).
 */
public final class ProfinetVendors {
  static final String RESOURCE = "/io/fieldprint/knowledge/profinet-vendors.tsv";

  private final Map<Integer, String> names;

  private ProfinetVendors(Map<Integer, String> names) {
    this.names = Map.copyOf(names);
  }

  /** The shipped table, loaded on first use. */
  public static ProfinetVendors shipped() {
    return Holder.INSTANCE;
  }

  /** The vendor with PROFINET VendorID {@code id}. */
  public Optional<String> vendor(int id) {
    return Optional.ofNullable(names.get(id));
  }

  /** All rows. */
  public Map<Integer, String> all() {
    return names;
  }

  /** Reads the TSV ({@code 0xNNNN <TAB> name <TAB> source}); throws naming the first bad row. */
  public static ProfinetVendors read(InputStream in) throws IOException {
    return new ProfinetVendors(
        KeyedTable.read(
            in,
            "profinet-vendors.tsv",
            Pattern.compile("0x[0-9A-Fa-f]{4}"),
            id -> Integer.parseInt(id.substring(2), 16)));
  }

  private static final class Holder {
    static final ProfinetVendors INSTANCE = KnowledgeFile.load(RESOURCE, ProfinetVendors::read);
  }
}
