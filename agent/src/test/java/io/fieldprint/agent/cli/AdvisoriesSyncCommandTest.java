package io.fieldprint.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fieldprint.protocols.testing.SharedData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldprint advisories sync} against a CSAF provider served on loopback: three real CISA
 * documents in a directory distribution with {@code changes.csv} and {@code .sha512} files.
 */
class AdvisoriesSyncCommandTest {
  private static final List<String> DOCS =
      List.of("icsa-23-222-07.json", "icsa-23-017-02.json", "icsa-23-143-03.json");

  @TempDir Path dir;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void serveProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = files.get(exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path cisa = SharedData.root().resolve("csaf/cisa/csaf_files/OT/white/2023");
    StringBuilder changes = new StringBuilder();
    for (String name : DOCS) {
      publish("2023/" + name, Files.readAllBytes(cisa.resolve(name)));
      changes.append("\"2023/").append(name).append("\",\"2023-09-01T00:00:00Z\"\n");
    }
    files.put("/csaf/changes.csv", changes.toString().getBytes(StandardCharsets.US_ASCII));
    files.put(
        "/.well-known/csaf/provider-metadata.json",
        ("{\"canonical_url\":\""
                + base
                + "/.well-known/csaf/provider-metadata.json\","
                + "\"last_updated\":\"2024-01-01T00:00:00Z\",\"list_on_CSAF_aggregators\":false,"
                + "\"metadata_version\":\"2.0\",\"mirror_on_CSAF_aggregators\":false,"
                + "\"role\":\"csaf_provider\",\"publisher\":{\"category\":\"other\","
                + "\"name\":\"loopback test provider\",\"namespace\":\"https://example.com\"},"
                + "\"distributions\":[{\"directory_url\":\""
                + base
                + "/csaf/\"}]}")
            .getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(dir.resolve("providers"));
    Files.writeString(
        dir.resolve("providers/test.json"),
        "{\"name\":\"test\",\"metadata_url\":\""
            + base
            + "/.well-known/csaf/provider-metadata.json\",\"require_signatures\":false}");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void syncStoresEveryVerifiedDocumentAndASecondSyncFetchesNothing() {
    CliRun first = sync();
    assertEquals(0, first.exit(), first.err() + first.out());
    assertTrue(first.out().contains("test: 3 listed, 3 fetched, 3 added"), first.out());
    assertTrue(first.out().contains("IMPORTED=3"), first.out());

    CliRun second = sync();
    assertEquals(0, second.exit(), second.err());
    assertTrue(second.out().contains("0 fetched"), second.out());

    CliRun list = CliRun.of("advisories", "list", "--store", store());
    assertTrue(list.out().contains("ICSA-23-222-07"), list.out());
  }

  @Test
  void documentFailingItsHashIsRejectedWithTheReasonAndTheStoredVersionStays() {
    assertEquals(0, sync().exit());
    String path = "/csaf/2023/" + DOCS.get(0);
    String tampered =
        new String(files.get(path), StandardCharsets.UTF_8).replace("Siemens", "Sie mens");
    files.put(path, tampered.getBytes(StandardCharsets.UTF_8));
    files.put(
        "/csaf/changes.csv",
        ("\"2023/" + DOCS.get(0) + "\",\"2024-02-01T00:00:00Z\"\n")
            .getBytes(StandardCharsets.US_ASCII));

    CliRun run = sync();

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("rejected " + base + path), run.out());
    assertTrue(run.out().toLowerCase().contains("sha-512"), run.out());
    CliRun show = CliRun.of("advisories", "show", "ICSA-23-222-07", "--store", store());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("Siemens"), show.out());
  }

  @Test
  void providerWhoseMetadataIsMissingIsReportedOnItsOwnLineAndTheRunFails() {
    files.remove("/.well-known/csaf/provider-metadata.json");

    CliRun run = sync();

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("error    test: ")), run.out());
    assertTrue(run.out().contains("test: 0 listed, 0 fetched"), run.out());
  }

  @Test
  void unknownProviderNameIsAUsageError() {
    CliRun run =
        CliRun.of(
            "advisories",
            "sync",
            "--providers",
            dir.resolve("providers").toString(),
            "--provider",
            "nobody",
            "--store",
            store());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no provider named nobody"), run.err());
  }

  private CliRun sync() {
    return CliRun.of(
        "advisories",
        "sync",
        "--providers",
        dir.resolve("providers").toString(),
        "--store",
        store(),
        "--state",
        dir.resolve("state.json").toString());
  }

  private String store() {
    return dir.resolve("advisories.db").toString();
  }

  private void publish(String relative, byte[] bytes) {
    files.put("/csaf/" + relative, bytes);
    String name = relative.substring(relative.indexOf('/') + 1);
    files.put(
        "/csaf/" + relative + ".sha512",
        (sha512(bytes) + "  " + name + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha512(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
