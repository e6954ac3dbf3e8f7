package io.fieldprint.collector.storage;

import io.fieldprint.advisories.csaf.Branch;
import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.FullProductName;
import io.fieldprint.collector.config.Storage;
import io.fieldprint.collector.correlation.AdvisoryImporter;
import io.fieldprint.collector.correlation.Correlator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the collector's correlation speed on SQLite. Imports a CSAF tree, ingests N synthetic
 * assets drawn (seed 42) from the corpus' vendors, products, model numbers and versions, correlates
 * them all, then revises one advisory and correlates what it marked due. Arguments: CSAF folder,
 * database file (must not exist), number of assets, optionally how many of the stored assets to
 * compare with the plain {@code AdvisoryMatcher} over all documents. Run with the collector-api
 * test classpath.
 */
public final class CorrelationBenchmark {
  private static final Pattern VERSION =
      Pattern.compile("V?\\d+(?:\\.\\d+)+", Pattern.CASE_INSENSITIVE);

  private CorrelationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path csaf = Path.of(args[0]);
    Path file = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    if (Files.exists(file)) {
      throw new IllegalArgumentException("database must not exist: " + file);
    }
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(new Storage(Storage.Kind.SQLITE, file, Optional.empty(), 4))) {
      AtomicInteger uid = new AtomicInteger();
      JdbcCollectorStore store =
          new JdbcCollectorStore(
              db.dataSource(), db.dialect(), clock, () -> "uid-" + uid.incrementAndGet());
      store.createSite(new Site("plant", "Plant", clock.instant()), "bench");
      store.createAgent(new NewAgent("agent", "plant", "edge", "hash"), "bench");
      CorrelationStore correlations =
          new JdbcCorrelationStore(db.dataSource(), db.dialect(), clock);
      CsafReader reader = new CsafReader();
      long t0 = System.nanoTime();
      new AdvisoryImporter(correlations, reader, clock).importDirectory(csaf, 100_000, "bench");
      report("import", t0, correlations.advisories().size() + " advisories");

      List<CsafDocument> documents = new ArrayList<>();
      for (CorrelationStore.StoredAdvisory a : correlations.advisories()) {
        byte[] json = correlations.advisoryJson(a.trackingId()).orElseThrow().getBytes(UTF8);
        documents.add((CsafDocument) reader.read(json));
      }
      List<ReportedAsset> assets = draw(documents, count);
      t0 = System.nanoTime();
      for (int from = 0; from < assets.size(); from += 500) {
        List<ReportedAsset> part = assets.subList(from, Math.min(assets.size(), from + 500));
        store.ingest(
            new IncomingReport(
                "agent", "plant", "r-" + from, Optional.of("bench"), part, List.of()));
      }
      report("ingest", t0, count + " assets");

      Correlator correlator = new Correlator(correlations, reader, alert -> List.of(), 500);
      t0 = System.nanoTime();
      CorrelationStore.CorrelationRun run = correlator.runUntilIdle();
      report("correlate", t0, run.assets() + " assets, " + run.added() + " matches");

      try (java.sql.Connection c = db.dataSource().getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO correlation_due (asset_uid) SELECT uid FROM assets WHERE true"
                + " ON CONFLICT DO NOTHING");
      }
      t0 = System.nanoTime();
      run = correlator.runUntilIdle();
      report("all again", t0, run.assets() + " assets, matches unchanged: " + run.added() + " new");

      if (args.length > 3) {
        compare(store, correlations, documents, Integer.parseInt(args[3]));
      }

      CsafDocument changed = documents.get(documents.size() / 2);
      byte[] revised = revised(correlations.advisoryJson(changed.tracking().id()).orElseThrow());
      new AdvisoryImporter(correlations, reader, clock).importDocument(revised, "bench", "bench");
      t0 = System.nanoTime();
      run = correlator.runUntilIdle();
      report(
          "re-correlate",
          t0,
          "one revised advisory ("
              + changed.tracking().id()
              + "), "
              + run.assets()
              + " assets due");
    }
  }

  /** Stored matches (advisory and confidence) against the plain matcher over all documents. */
  private static void compare(
      JdbcCollectorStore store,
      CorrelationStore correlations,
      List<CsafDocument> documents,
      int count) {
    io.fieldprint.advisories.match.AdvisoryMatcher matcher =
        new io.fieldprint.advisories.match.AdvisoryMatcher();
    List<StoredAsset> stored =
        store.assets("plant", new AssetQuery(Optional.empty(), Optional.empty(), count, 0)).items();
    int differ = 0;
    for (StoredAsset a : stored) {
      List<String> expected =
          matcher.match(plainAsset(a), documents).stream()
              .map(
                  m ->
                      m.advisoryId()
                          + "/"
                          + m.confidence().level().name().toLowerCase(java.util.Locale.ROOT))
              .sorted()
              .toList();
      List<String> actual =
          correlations.assetMatches(a.uid()).stream()
              .map(m -> m.advisoryId() + "/" + m.confidence().wire())
              .sorted()
              .toList();
      differ += expected.equals(actual) ? 0 : 1;
    }
    System.out.printf(
        "compared      %d assets with the plain matcher, %d differ%n", stored.size(), differ);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] revised(String json) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
    com.fasterxml.jackson.databind.node.ObjectNode tracking =
        (com.fasterxml.jackson.databind.node.ObjectNode) root.path("document").path("tracking");
    tracking.put("version", "99");
    tracking.put("current_release_date", "2030-01-01T00:00:00Z");
    return mapper.writeValueAsBytes(root);
  }

  private static List<ReportedAsset> draw(List<CsafDocument> documents, int count) {
    List<FullProductName> products = new ArrayList<>();
    documents.forEach(
        d ->
            d.productTree().products().stream()
                .filter(p -> !p.vendor().isEmpty())
                .forEach(products::add));
    Random random = new Random(42);
    List<ReportedAsset> out = new ArrayList<>(count);
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
      return version.substring(0, last + 1) + (Long.parseLong(version.substring(last + 1)) + 1);
    }
    return version;
  }

  private static io.fieldprint.protocols.inventory.Asset plainAsset(StoredAsset a) {
    return new io.fieldprint.protocols.inventory.Asset(
        a.assetId(),
        List.of(),
        List.of(),
        null,
        a.vendor().orElse(null),
        a.product().orElse(null),
        a.model().orElse(null),
        a.firmware().orElse(null),
        null,
        null,
        io.fieldprint.protocols.model.Role.PLC,
        null,
        java.util.Map.of(),
        List.of(),
        null,
        null,
        List.of(),
        0);
  }

  private static ReportedAsset asset(
      int n, String vendor, String product, String model, String firmware) {
    String mac =
        String.format(
            "02:00:%02x:%02x:%02x:%02x", n >> 24 & 0xff, n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff);
    return new ReportedAsset(
        "mac:" + mac,
        Optional.empty(),
        Optional.of(vendor),
        Optional.of(product),
        Optional.ofNullable(model),
        Optional.ofNullable(firmware),
        Optional.empty(),
        Optional.empty(),
        "plc",
        List.of(),
        List.of(mac),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private static void report(String step, long start, String detail) {
    System.out.printf("%-13s %9.1f ms  %s%n", step, (System.nanoTime() - start) / 1e6, detail);
  }
}
