package io.fieldprint.protocols.profinet;

import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
    Map<Integer, String> names = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3
          || !cols[0].matches("0x[0-9A-Fa-f]{4}")
          || cols[1].isBlank()
          || cols[2].isBlank()) {
        throw new IOException("profinet-vendors.tsv line " + number + " is not id, name, source");
      }
      if (names.put(Integer.parseInt(cols[0].substring(2), 16), cols[1].strip()) != null) {
        throw new IOException("profinet-vendors.tsv line " + number + " repeats " + cols[0]);
      }
    }
    return new ProfinetVendors(names);
  }

  private static final class Holder {
    static final ProfinetVendors INSTANCE = KnowledgeFile.load(RESOURCE, ProfinetVendors::read);
  }
}
