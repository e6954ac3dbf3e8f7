package io.fieldprint.protocols.oui;

import io.fieldprint.protocols.knowledge.KnowledgeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * MAC address → organisation, from the IEEE listings shipped in {@code
 * io/fieldprint/knowledge/oui.tsv.gz} (see {@code NOTICE-oui.md}). The longest assigned prefix wins
 * (36, then 28, then 24 bits). The table is loaded once, lazily, into sorted arrays; lookups are a
 * few binary searches and allocate nothing but the result.
 */
public final class MacVendors {
  static final String RESOURCE = "/io/fieldprint/knowledge/oui.tsv.gz";
  private static final int[] PREFIX_BITS = {36, 28, 24};

  private final Block[] blocks;

  private MacVendors(Block[] blocks) {
    this.blocks = blocks;
  }

  /** The shipped table, loaded on first use. */
  public static MacVendors shipped() {
    return Holder.INSTANCE;
  }

  /** A table read from a TSV stream ({@code <hex prefix>\t<organisation>} lines). */
  public static MacVendors read(InputStream tsv) throws IOException {
    Map<Integer, List<Entry>> byDigits = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (line.startsWith("#") || tab < 0) {
          continue;
        }
        String prefix = line.substring(0, tab);
        String name = names.computeIfAbsent(line.substring(tab + 1), n -> n);
        byDigits
            .computeIfAbsent(prefix.length(), k -> new ArrayList<>())
            .add(new Entry(Long.parseLong(prefix, 16), name));
      }
    }
    Block[] blocks = new Block[PREFIX_BITS.length];
    for (int i = 0; i < PREFIX_BITS.length; i++) {
      blocks[i] = Block.of(PREFIX_BITS[i], byDigits.getOrDefault(PREFIX_BITS[i] / 4, List.of()));
    }
    return new MacVendors(blocks);
  }

  /** The vendor of {@code mac} (any common text form), or why there is none. */
  public MacVendorLookup lookup(String mac) {
    return lookup(MacAddress.parse(mac));
  }

  /** The organisation registered for {@code mac}, if any: the inventory's {@code MacRegistry}. */
  public Optional<String> vendorOf(String mac) {
    return lookup(mac) instanceof MacVendorLookup.Assigned a
        ? Optional.of(a.vendor())
        : Optional.empty();
  }

  /** The vendor of the 48-bit address {@code mac}, or why there is none. */
  public MacVendorLookup lookup(long mac) {
    if (mac < 0 || mac > 0xFFFF_FFFF_FFFFL) {
      return new MacVendorLookup.Unassigned(MacVendorLookup.Reason.INVALID);
    }
    if (MacAddress.isMulticast(mac)) {
      return new MacVendorLookup.Unassigned(MacVendorLookup.Reason.MULTICAST);
    }
    if (MacAddress.isLocallyAdministered(mac)) {
      return new MacVendorLookup.Unassigned(MacVendorLookup.Reason.LOCALLY_ADMINISTERED);
    }
    for (Block block : blocks) {
      String vendor = block.find(mac >>> (48 - block.bits));
      if (vendor != null) {
        return new MacVendorLookup.Assigned(vendor, block.bits);
      }
    }
    return new MacVendorLookup.Unassigned(MacVendorLookup.Reason.NOT_LISTED);
  }

  /** Number of assignments in the table. */
  public int size() {
    return Arrays.stream(blocks).mapToInt(b -> b.prefixes.length).sum();
  }

  private record Entry(long prefix, String name) {}

  private record Block(int bits, long[] prefixes, String[] names) {
    static Block of(int bits, List<Entry> entries) {
      Entry[] sorted = entries.toArray(Entry[]::new);
      Arrays.sort(sorted, (a, b) -> Long.compare(a.prefix, b.prefix));
      long[] prefixes = new long[sorted.length];
      String[] names = new String[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        prefixes[i] = sorted[i].prefix;
        names[i] = sorted[i].name;
      }
      return new Block(bits, prefixes, names);
    }

    String find(long prefix) {
      int i = Arrays.binarySearch(prefixes, prefix);
      return i >= 0 ? names[i] : null;
    }
  }

  private static final class Holder {
    static final MacVendors INSTANCE =
        KnowledgeFile.load(RESOURCE, in -> read(new GZIPInputStream(in)));
  }
}
