package io.fieldprint.advisories.index;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.protocols.inventory.Asset;
import io.fieldprint.protocols.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assets as a plant would report them, drawn (with a fixed seed) from the vendors, products, model
 * numbers and versions of a set of advisories; a fifth get a firmware version one above the one
 * drawn, a tenth no firmware.
 */
public final class SyntheticAssets {
  private static final Pattern VERSION =
      Pattern.compile("V?\\d+(?:\\.\\d+)+", Pattern.CASE_INSENSITIVE);

  private SyntheticAssets() {}

  /** {@code count} assets drawn from the products of {@code documents}. */
  public static List<Asset> draw(List<CsafDocument> documents, int count, long seed) {
    List<FullProductName> products = new ArrayList<>();
    for (CsafDocument d : documents) {
      for (FullProductName p : d.productTree().products()) {
        if (!p.vendor().isEmpty()) {
          products.add(p);
        }
      }
    }
    Random random = new Random(seed);
    List<Asset> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FullProductName p = products.get(random.nextInt(products.size()));
      String model = p.helper().modelNumbers().isEmpty() ? null : p.helper().modelNumbers().get(0);
      String product = p.productName().isEmpty() ? p.name() : p.productName();
      out.add(asset(i, p.vendor(), product, model, firmware(p, random)));
    }
    return out;
  }

  private static String firmware(FullProductName p, Random random) {
    Branch leaf = p.versionLeaf();
    Matcher m = VERSION.matcher(leaf == null ? "" : leaf.name());
    int roll = random.nextInt(10);
    if (!m.find() || roll == 0) {
      return null;
    }
    String version = m.group();
    if (roll <= 2) {
      int last = version.lastIndexOf('.');
      String tail = version.substring(last + 1);
      return version.substring(0, last + 1) + (Long.parseLong(tail) + 1);
    }
    return version;
  }

  /** One asset with the given identity. */
  public static Asset asset(int n, String vendor, String product, String model, String firmware) {
    String mac =
        String.format(
            "02:00:%02x:%02x:%02x:%02x",
            (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    return new Asset(
        "mac:" + mac,
        List.of(),
        List.of(mac),
        null,
        vendor,
        product,
        model,
        firmware,
        null,
        null,
        Role.PLC,
        null,
        Map.of(),
        List.of(),
        null,
        null,
        List.of(),
        0);
  }
}
