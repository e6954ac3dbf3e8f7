package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldprint.advisories.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs a provider tree built from 60 real CISA documents, served on loopback. */
class CsafProviderSyncTest {
  private static final int DOCUMENTS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestSigningKey providerKey;
  private static TestSigningKey strangerKey;
  private static List<Path> sample;

  private ProviderServer server;
  private TestProviderTree tree;
  private final InMemorySyncState state = new InMemorySyncState();
  private final RecordingSink sink = new RecordingSink();

  @BeforeAll
  static void keysAndSample() {
    List<Path> all = SharedData.cisaDocuments();
    int step = all.size() / DOCUMENTS;
    sample =
        java.util.stream.IntStream.range(0, DOCUMENTS).mapToObj(i -> all.get(i * step)).toList();
    providerKey = TestSigningKey.generate("Test CSAF provider <csaf@example.test>");
    strangerKey = TestSigningKey.generate("Someone else <mallory@example.test>");
  }

  @BeforeEach
  void serve() throws IOException {
    server = new ProviderServer();
    tree = new TestProviderTree(server, providerKey);
    tree.publishAll(sample);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderConfig provider(Distribution distribution) {
    return new ProviderConfig(
        "test",
        tree.metadataUrl(),
        Set.of(providerKey.fingerprint()),
        List.of(),
        false,
        true,
        true,
        distribution);
  }

  private static SyncLimits limits() {
    return SyncLimits.defaults().withMinRequestInterval(Duration.ZERO);
  }

  private SyncReport.ProviderReport sync(Distribution distribution) {
    return new CsafProviderSync(limits(), DocumentCheck.none())
        .sync(provider(distribution), state, sink);
  }

  @Test
  void firstSyncFetchesVerifiesAndAcceptsEveryListedDocument() {
    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertEquals(List.of(), report.errors());
    assertEquals(List.of(), report.rejected());
    assertEquals(DOCUMENTS, report.listed());
    assertEquals(DOCUMENTS, report.fetched());
    assertEquals(DOCUMENTS, report.added());
    assertEquals(DOCUMENTS, sink.stored.size());
    assertEquals(DOCUMENTS, state.size("test"));
    assertEquals(1, server.hits(TestProviderTree.FOLDER + "changes.csv"));
  }

  @Test
  void secondSyncFetchesNothing() {
    sync(Distribution.DIRECTORY);
    server.resetHits();

    SyncReport.ProviderReport second = sync(Distribution.DIRECTORY);

    assertEquals(0, second.fetched());
    assertEquals(DOCUMENTS, second.unchanged());
    assertEquals(0, server.documentHits(TestProviderTree.FOLDER));
    assertEquals(DOCUMENTS, sink.acceptedEvents);
  }

  @Test
  void revisedDocumentIsTheOnlyOneFetched() throws IOException {
    sync(Distribution.DIRECTORY);
    String revised = tree.documents().get(7);
    byte[] newBytes =
        revise(server.file(TestProviderTree.FOLDER + revised), "2099-01-02T03:04:05Z");
    tree.publish(revised, newBytes);
    server.resetHits();

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertEquals(1, report.fetched());
    assertEquals(1, report.changed());
    assertEquals(DOCUMENTS - 1, report.unchanged());
    assertEquals(1, server.documentHits(TestProviderTree.FOLDER));
    assertArrayEquals(newBytes, sink.stored.get(tree.documentUrl(revised)));
    assertEquals(
        "99", state.document("test", tree.documentUrl(revised)).orElseThrow().trackingVersion());
  }

  @Test
  void tamperedDocumentIsRejectedAndPreviousVersionStays() throws IOException {
    sync(Distribution.DIRECTORY);
    String victim = tree.documents().get(3);
    URI url = tree.documentUrl(victim);
    byte[] original = sink.stored.get(url);
    DocumentState before = state.document("test", url).orElseThrow();
    Instant later = Instant.parse("2099-01-01T00:00:00Z");
    tree.tamper(victim, revise(original, later.toString()), later);

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertEquals(1, report.rejected().size());
    assertEquals(url, report.rejected().get(0).url());
    assertTrue(report.rejected().get(0).reason().startsWith("SHA-512 mismatch"));
    assertTrue(sink.rejections.get(url).startsWith("SHA-512 mismatch"));
    assertArrayEquals(original, sink.stored.get(url));
    assertEquals(before, state.document("test", url).orElseThrow());
  }

  @Test
  void signatureMadeByAnotherKeyIsRejected() {
    String victim = tree.documents().get(5);
    server.put(
        TestProviderTree.FOLDER + victim + ".asc",
        strangerKey.sign(server.file(TestProviderTree.FOLDER + victim)));

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "signed by key ", "not trusted");
    assertEquals(DOCUMENTS - 1, report.added());
    assertFalse(sink.stored.containsKey(tree.documentUrl(victim)));
  }

  @Test
  void signatureOverOtherBytesIsRejected() {
    String victim = tree.documents().get(6);
    String other = tree.documents().get(9);
    server.put(
        TestProviderTree.FOLDER + victim + ".asc",
        server.file(TestProviderTree.FOLDER + other + ".asc"));

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "signature by trusted key", "does not match the document");
  }

  @Test
  void missingSignatureIsRejectedWhenRequired() {
    String victim = tree.documents().get(11);
    server.status(TestProviderTree.FOLDER + victim + ".asc", 404);

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "no OpenPGP signature", "signatures are required");
    assertEquals(DOCUMENTS - 1, report.added());
  }

  @Test
  void sha256IsCheckedWhenNoSha512IsPublished() {
    String doc = tree.documents().get(2);
    byte[] bytes = server.file(TestProviderTree.FOLDER + doc);
    server.status(TestProviderTree.FOLDER + doc + ".sha512", 404);
    server.put(
        TestProviderTree.FOLDER + doc + ".sha256",
        (HashFile.digest("SHA-256", bytes) + "  wrong-name.json\n")
            .getBytes(StandardCharsets.US_ASCII));

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "SHA-256 file names wrong-name.json, not ", ".json");
  }

  @Test
  void oversizedResponseIsCutOffAndTheRestContinues() {
    String victim = tree.documents().get(13);
    server.endless(TestProviderTree.FOLDER + victim, 64L * 1024 * 1024);
    SyncLimits small = limits().withMaxDocumentBytes(2L * 1024 * 1024);

    SyncReport.ProviderReport report =
        new CsafProviderSync(small, DocumentCheck.none())
            .sync(provider(Distribution.DIRECTORY), state, sink);

    assertOneRejection(report, "document not fetched: ", "larger than 2097152 bytes, cut off");
    assertEquals(DOCUMENTS - 1, report.added());
  }

  @Test
  void stalledResponseTimesOutAndTheRestContinues() {
    String stalled = tree.documents().get(17);
    server.stall(TestProviderTree.FOLDER + stalled);
    SyncLimits impatient =
        new SyncLimits(
            1024 * 1024,
            1024 * 1024,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            100,
            3,
            Duration.ZERO,
            false);

    SyncReport.ProviderReport report =
        new CsafProviderSync(impatient, DocumentCheck.none())
            .sync(provider(Distribution.DIRECTORY), state, sink);

    assertOneRejection(report, "document not fetched: no complete response within PT1S", stalled);
    assertEquals(DOCUMENTS - 1, report.added());
  }

  @Test
  void serverErrorAndGarbageAreReportedPerFileAndOthersContinue() {
    String failing = tree.documents().get(20);
    String garbage = tree.documents().get(21);
    server.status(TestProviderTree.FOLDER + failing, 500);
    server.put(
        TestProviderTree.FOLDER + garbage + ".sha512",
        "<html>not a hash</html>".getBytes(StandardCharsets.UTF_8));

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertEquals(
        Set.of(
            "document not fetched: HTTP 500 from " + tree.documentUrl(failing),
            "SHA-512 file does not start with a 128-digit hex digest"),
        Set.copyOf(report.rejected().stream().map(SyncReport.Rejection::reason).toList()));
    assertEquals(DOCUMENTS - 2, report.added());
  }

  @Test
  void redirectLoopIsBounded() {
    String looping = tree.documents().get(30);
    String path = TestProviderTree.FOLDER + looping;
    server.redirect(path, path);

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "document not fetched: more than 3 redirects", looping);
    assertEquals(4, server.hits(path));
  }

  @Test
  void unusableRedirectTargetIsReportedForThatDocumentOnly() {
    String odd = tree.documents().get(31);
    server.redirect(TestProviderTree.FOLDER + odd, "http://[not a host/x.json");

    SyncReport.ProviderReport report = sync(Distribution.DIRECTORY);

    assertOneRejection(report, "document not fetched: HTTP 302 with unusable Location", odd);
    assertEquals(DOCUMENTS - 1, report.added());
  }

  @Test
  void rolieFeedSyncAcceptsAllThenFetchesOnlyTheRevisedEntry() throws IOException {
    SyncReport.ProviderReport first = sync(Distribution.ROLIE);
    String revised = tree.documents().get(40);
    tree.publish(
        revised, revise(server.file(TestProviderTree.FOLDER + revised), "2099-05-05T00:00:00Z"));
    server.resetHits();

    SyncReport.ProviderReport second = sync(Distribution.ROLIE);

    assertEquals(List.of(), first.errors());
    assertEquals(DOCUMENTS, first.added());
    assertEquals(0, server.hits(TestProviderTree.FOLDER + "changes.csv"));
    assertEquals(1, server.hits(TestProviderTree.FEED));
    assertEquals(1, second.fetched());
    assertEquals(1, second.changed());
  }

  @Test
  void publishedKeyIsNotTrustedWithoutConfiguredFingerprintOrFirstUse() {
    ProviderConfig untrusting =
        new ProviderConfig(
            "test", tree.metadataUrl(), Set.of(), List.of(), false, true, true, Distribution.AUTO);

    SyncReport.ProviderReport report =
        new CsafProviderSync(limits(), DocumentCheck.none()).sync(untrusting, state, sink);

    assertTrue(
        report.errors().stream().anyMatch(e -> e.contains("is not trusted")),
        report.errors()::toString);
    assertTrue(report.errors().stream().anyMatch(e -> e.startsWith("no trusted OpenPGP key")));
    assertEquals(0, report.fetched());
    assertEquals(0, server.documentHits(TestProviderTree.FOLDER));
  }

  @Test
  void configuredKeyFileIsTrustedAndAnUnconfiguredPublishedKeyIsReported(@TempDir Path dir)
      throws IOException {
    Path keyFile = dir.resolve("provider.asc");
    java.nio.file.Files.write(keyFile, providerKey.armoredPublicKey());
    server.put(TestProviderTree.KEY, strangerKey.armoredPublicKey());
    String metadata =
        new String(server.file(TestProviderTree.METADATA), StandardCharsets.UTF_8)
            .replace(providerKey.fingerprint(), strangerKey.fingerprint());
    server.put(TestProviderTree.METADATA, metadata.getBytes(StandardCharsets.UTF_8));
    ProviderConfig withFile =
        new ProviderConfig(
            "test",
            tree.metadataUrl(),
            Set.of(),
            List.of(keyFile),
            false,
            true,
            true,
            Distribution.DIRECTORY);

    SyncReport.ProviderReport report =
        new CsafProviderSync(limits(), DocumentCheck.none()).sync(withFile, state, sink);

    assertEquals(
        List.of(
            "published key "
                + strangerKey.fingerprint()
                + " is not trusted (configure its fingerprint)"),
        report.errors());
    assertEquals(DOCUMENTS, report.added());
  }

  @Test
  void publishedKeyWhoseFingerprintDisagreesWithTheMetadataIsNotUsed() {
    server.put(TestProviderTree.KEY, strangerKey.armoredPublicKey());
    ProviderConfig tofu =
        new ProviderConfig(
            "test",
            tree.metadataUrl(),
            Set.of(),
            List.of(),
            true,
            true,
            true,
            Distribution.DIRECTORY);

    SyncReport.ProviderReport report =
        new CsafProviderSync(limits(), DocumentCheck.none()).sync(tofu, state, sink);

    assertTrue(
        report
            .errors()
            .get(0)
            .endsWith(
                " is "
                    + strangerKey.fingerprint()
                    + ", metadata declares "
                    + providerKey.fingerprint()),
        report.errors()::toString);
    assertEquals(Set.of(), state.pinnedKeys("test"));
    assertEquals(0, report.fetched());
  }

  @Test
  void trustOnFirstUsePinsThePublishedKeyAndRefusesALaterSwap() {
    ProviderConfig tofu =
        new ProviderConfig(
            "test",
            tree.metadataUrl(),
            Set.of(),
            List.of(),
            true,
            true,
            true,
            Distribution.DIRECTORY);
    CsafProviderSync sync = new CsafProviderSync(limits(), DocumentCheck.none());

    SyncReport.ProviderReport first = sync.sync(tofu, state, sink);
    new TestProviderTree(server, strangerKey).publishAll(sample);
    SyncReport.ProviderReport second = sync.sync(tofu, state, sink);

    assertEquals(DOCUMENTS, first.added());
    assertEquals(Set.of(providerKey.fingerprint()), state.pinnedKeys("test"));
    assertTrue(
        second.errors().stream().anyMatch(e -> e.contains(strangerKey.fingerprint())),
        second.errors()::toString);
    assertEquals(0, second.fetched());
  }

  @Test
  void jsonFileStateSurvivesARestart(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sync-state.json");
    CsafProviderSync sync = new CsafProviderSync(limits(), DocumentCheck.none());
    sync.sync(provider(Distribution.DIRECTORY), JsonFileSyncState.open(file), sink);
    server.resetHits();

    SyncReport.ProviderReport again =
        sync.sync(provider(Distribution.DIRECTORY), JsonFileSyncState.open(file), sink);

    assertEquals(0, again.fetched());
    assertEquals(DOCUMENTS, again.unchanged());
    assertEquals(0, server.documentHits(TestProviderTree.FOLDER));
  }

  @Test
  void documentBudgetLeavesTheRestForTheNextRun() {
    SyncLimits budget = limits().withMaxDocumentsPerRun(25);
    CsafProviderSync sync = new CsafProviderSync(budget, DocumentCheck.none());

    SyncReport.ProviderReport first = sync.sync(provider(Distribution.DIRECTORY), state, sink);
    SyncReport.ProviderReport second = sync.sync(provider(Distribution.DIRECTORY), state, sink);
    SyncReport.ProviderReport third = sync.sync(provider(Distribution.DIRECTORY), state, sink);

    assertEquals(25, first.fetched());
    assertEquals(
        List.of("35 documents left for the next run (maxDocumentsPerRun 25)"), first.errors());
    assertEquals(25, second.added());
    assertEquals(10, third.added());
    assertEquals(List.of(), third.errors());
    assertEquals(DOCUMENTS, sink.stored.size());
  }

  @Test
  void plainHttpToAnotherHostIsRefused() {
    ProviderConfig remote =
        ProviderConfig.of(
            "remote", URI.create("http://csaf.example.invalid/provider-metadata.json"), Set.of());

    SyncReport.ProviderReport report =
        new CsafProviderSync(limits(), DocumentCheck.none()).sync(remote, state, sink);

    assertEquals(1, report.errors().size());
    assertTrue(report.errors().get(0).contains("refused scheme 'http'"), report.errors()::toString);
  }

  private static void assertOneRejection(
      SyncReport.ProviderReport report, String prefix, String contains) {
    assertEquals(1, report.rejected().size(), report.rejected()::toString);
    String reason = report.rejected().get(0).reason();
    assertTrue(reason.startsWith(prefix) && reason.contains(contains), reason);
  }

  /** A copy of a CSAF document with a new tracking version and current_release_date. */
  static byte[] revise(byte[] bytes, String date) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(bytes);
    ObjectNode tracking = (ObjectNode) root.path("document").path("tracking");
    tracking.put("version", "99");
    tracking.put("current_release_date", date);
    ObjectNode revision = tracking.withArray("revision_history").addObject();
    revision.put("date", date);
    revision.put("number", "99");
    revision.put("summary", "Revised for a test");
    return JSON.writeValueAsBytes(root);
  }
}
