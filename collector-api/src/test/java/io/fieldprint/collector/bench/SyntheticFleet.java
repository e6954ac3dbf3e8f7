package io.fieldprint.collector.bench;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.FullProductName;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assets one benchmark agent sees: controllers, I/O stations and switches whose vendor,
 * product, model number and firmware are drawn (fixed seed) from the products of CSAF documents, so
 * that advisories match some of them; about a fifth report a firmware one patch above a named
 * version or none at all. Each asset speaks OPC UA or Modbus/TCP and carries one evidence entry.
 */
final class SyntheticFleet {
  private static final Pattern VERSION =
      Pattern.compile("V?\\d+(?:\\.\\d+)+", Pattern.CASE_INSENSITIVE);
  private static final String[] ROLES = {"plc", "plc", "io", "hmi", "switch"};

  private final int agent;
  private final List<JsonObject> assets;

  private SyntheticFleet(int agent, List<JsonObject> assets) {
    this.agent = agent;
    this.assets = assets;
  }

  /** The fleet of agent number {@code agent}: {@code size} assets drawn from {@code products}. */
  static SyntheticFleet draw(int agent, int size, List<FullProductName> products) {
    Random random = new Random(42L * 1_000_003 + agent);
    List<JsonObject> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      FullProductName p = products.get(random.nextInt(products.size()));
      out.add(asset(agent, i, p, random));
    }
    return new SyntheticFleet(agent, out);
  }

  /** Every vendor-named product of {@code documents}. */
  static List<FullProductName> products(List<CsafDocument> documents) {
    List<FullProductName> products = new ArrayList<>();
    for (CsafDocument d : documents) {
      d.productTree().products().stream().filter(p -> !p.vendor().isEmpty()).forEach(products::add);
    }
    return products;
  }

  int size() {
    return assets.size();
  }

  /**
   * The inventory of round {@code round}: the fleet's slice number {@code round} modulo the number
   * of slices; from the second pass on, one asset in fifty reports a firmware one patch higher.
   */
  JsonObject inventory(int round, int perReport) {
    int slices = assets.size() / perReport;
    int from = (round % slices) * perReport;
    boolean again = round >= slices;
    JsonArray list = new JsonArray();
    for (int i = from; i < from + perReport; i++) {
      JsonObject a = assets.get(i).copy();
      if (again && i % 50 == round % 50 && a.getString("firmware") != null) {
        a.put("firmware", a.getString("firmware") + "." + round);
      }
      list.add(a);
    }
    return new JsonObject()
        .put("schema", "fieldprint.inventory/1")
        .put("generator", new JsonObject().put("name", "fieldprint").put("version", "0.1.0"))
        .put("sources", new JsonArray())
        .put("assets", list)
        .put("findings", new JsonArray())
        .put("matches", new JsonArray())
        .put("warnings", new JsonArray())
        .put("warningsOmitted", 0);
  }

  private static JsonObject asset(int agent, int n, FullProductName p, Random random) {
    String mac =
        String.format(
            "02:%02x:%02x:%02x:%02x:%02x",
            agent & 0xff, n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff, random.nextInt(256));
    String ip = "10." + (agent & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    boolean opcua = random.nextBoolean();
    String model = p.helper().modelNumbers().isEmpty() ? null : p.helper().modelNumbers().get(0);
    String product = p.productName().isEmpty() ? p.name() : p.productName();
    String firmware = firmware(p, random);
    JsonObject fields =
        new JsonObject()
            .put("vendor", p.vendor())
            .put("product", product)
            .put("model", model)
            .put("firmware", firmware);
    JsonObject evidence =
        new JsonObject()
            .put("source", opcua ? "opcua.get-endpoints-response" : "modbus.device-identification")
            .put("at", "2026-11-23T08:00:00Z")
            .put("origin", (opcua ? "opc.tcp://" + ip + ":4840" : "modbus://" + ip + ":502"))
            .put("fields", fields);
    return new JsonObject()
        .put("id", "mac:" + mac)
        .put("ip", new JsonArray().add(ip))
        .put("mac", new JsonArray().add(mac))
        .put("name", "dev-" + agent + "-" + n)
        .put("vendor", p.vendor())
        .put("product", product)
        .put("model", model)
        .put("firmware", firmware)
        .put("hardware", random.nextInt(4) == 0 ? "HW " + (1 + random.nextInt(5)) : null)
        .put("serial", "S" + Integer.toHexString(agent * 1_000_003 + n))
        .put("role", ROLES[random.nextInt(ROLES.length)])
        .put("macVendor", null)
        .put("attribution", new JsonObject())
        .put("protocols", new JsonArray().add(opcua ? "opcua" : "modbus"))
        .put("firstSeen", "2026-11-23T07:00:00Z")
        .put("lastSeen", "2026-11-23T08:00:00Z")
        .put("evidence", new JsonArray().add(evidence))
        .put("evidenceOmitted", 0);
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
      return version.substring(0, last + 1) + (Long.parseLong(version.substring(last + 1)) + 1);
    }
    return version;
  }

  @Override
  public String toString() {
    return "fleet of agent " + agent + " (" + assets.size() + " assets)";
  }
}
