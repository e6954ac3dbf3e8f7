package io.fieldprint.collector.correlation;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import io.fieldprint.advisories.index.AdvisoryIndex;
import io.fieldprint.collector.storage.CorrelationStore;
import io.fieldprint.collector.storage.CorrelationStore.AdvisoryPut;
import io.fieldprint.collector.storage.CorrelationStore.AdvisoryRejection;
import io.fieldprint.collector.storage.CorrelationStore.NewAdvisory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads CSAF documents with {@link CsafReader} and stores them: a usable document becomes the
 * current version when it is newer; anything else is recorded as a rejection with its reason, and
 * the stored version stays.
 */
public final class AdvisoryImporter {
  /** What happened to one document. */
  public record Outcome(String source, Optional<String> trackingId, String result, String reason) {}

  private final CorrelationStore store;
  private final CsafReader reader;
  private final Clock clock;

  public AdvisoryImporter(CorrelationStore store, CsafReader reader, Clock clock) {
    this.store = store;
    this.reader = reader;
    this.clock = clock;
  }

  /** Imports one document given as its exact bytes. */
  public Outcome importDocument(byte[] json, String source, String actor) {
    String sha = sha256(json);
    CsafResult result = reader.read(json);
    if (result instanceof CsafResult.Rejected r) {
      return reject(Optional.empty(), source, sha, r.reason(), actor);
    }
    CsafDocument doc = (CsafDocument) result;
    String id = doc.tracking().id();
    String version = doc.tracking().version();
    if (version == null || version.isBlank() || id.length() > 200 || version.length() > 64) {
      return reject(
          Optional.of(id), source, sha, "tracking id or version missing or too long", actor);
    }
    NewAdvisory advisory =
        new NewAdvisory(
            id,
            version,
            Optional.ofNullable(doc.tracking().currentReleaseDate()),
            doc.publisher().namespace(),
            doc.title(),
            doc.tlpLabel().isEmpty() ? Optional.empty() : Optional.of(doc.tlpLabel()),
            sha,
            new String(json, StandardCharsets.UTF_8),
            bounded(source),
            AdvisoryIndex.vendorKeys(doc));
    AdvisoryPut put = store.putAdvisory(advisory, actor);
    return new Outcome(source, Optional.of(id), put.name().toLowerCase(java.util.Locale.ROOT), "");
  }

  /**
   * Imports every {@code .json} file below {@code directory}, at most {@code maxFiles}, each read
   * only when within the reader's size limit.
   */
  public List<Outcome> importDirectory(Path directory, int maxFiles, String actor)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .limit(maxFiles)
              .toList();
    }
    return files.stream().map(f -> importFile(f, actor)).toList();
  }

  /**
   * Records a document refused before it reached this importer (a provider sync that could not
   * fetch it or whose hash, signature or schema check failed); the stored version stays.
   */
  public Outcome refused(String source, String reason, String actor) {
    return reject(Optional.empty(), source, "-", reason, actor);
  }

  private Outcome importFile(Path file, String actor) {
    try {
      if (Files.size(file) > reader.limits().maxBytes()) {
        return reject(
            Optional.empty(), file.toString(), "-", "larger than the document limit", actor);
      }
      return importDocument(Files.readAllBytes(file), file.toString(), actor);
    } catch (IOException e) {
      return reject(Optional.empty(), file.toString(), "-", "unreadable: " + e.getMessage(), actor);
    }
  }

  private Outcome reject(
      Optional<String> id, String source, String sha, String reason, String actor) {
    store.rejectAdvisory(
        new AdvisoryRejection(id, bounded(source), sha, reason, clock.instant()), actor);
    return new Outcome(source, id, "rejected", reason);
  }

  private static String bounded(String source) {
    return source.length() > 500 ? source.substring(source.length() - 500) : source;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
