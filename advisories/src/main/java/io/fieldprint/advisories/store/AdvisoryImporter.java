package io.fieldprint.advisories.store;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports CSAF documents from files and folder trees into an {@link AdvisoryStore}: reads and
 * parses them on a bounded number of threads, stores each window of documents in one transaction,
 * and records every document that cannot be used with its reason. Importing the same files twice
 * changes nothing.
 */
public final class AdvisoryImporter {
  private final AdvisoryStore store;
  private final CsafReader reader;
  private final BoundedParallel parallel;

  public AdvisoryImporter(AdvisoryStore store, CsafReader reader) {
    this.store = java.util.Objects.requireNonNull(store, "store");
    this.reader = reader;
    this.parallel = BoundedParallel.forThisMachine();
  }

  /**
   * Reads the documents of the given files and folders without storing them, in path order, on the
   * same bounded threads as an import; each document that cannot be used is handed to {@code
   * rejected}.
   */
  public static List<CsafDocument> readDocuments(
      List<Path> paths,
      CsafReader reader,
      java.util.function.Consumer<ImportSummary.Item> rejected) {
    return new AdvisoryImporter(reader).readAll(paths, rejected);
  }

  private AdvisoryImporter(CsafReader reader) {
    this.store = null;
    this.reader = reader;
    this.parallel = BoundedParallel.forThisMachine();
  }

  /**
   * Imports the given files, and the {@code .json} files below the given folders (in path order).
   *
   * @throws UncheckedIOException when a path does not exist or a folder cannot be listed
   */
  public ImportSummary importPaths(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(documentFiles(path));
    }
    Tally tally = new Tally();
    parallel.map(files, this::read, results -> store(results, tally));
    return tally.summary();
  }

  private List<CsafDocument> readAll(
      List<Path> paths, java.util.function.Consumer<ImportSummary.Item> rejected) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(documentFiles(path));
    }
    List<CsafDocument> out = new ArrayList<>();
    parallel.map(
        files,
        this::read,
        window -> {
          for (Read r : window) {
            if (r.document() != null) {
              out.add(r.document());
            } else {
              rejected.accept(new ImportSummary.Item(r.origin(), null, r.reason()));
            }
          }
        });
    return out;
  }

  /** A file itself, or the {@code .json} files below a folder, sorted. */
  static List<Path> documentFiles(Path path) {
    if (!Files.exists(path)) {
      throw new UncheckedIOException(new java.nio.file.NoSuchFileException(path.toString()));
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private Read read(Path file) {
    String origin = file.toString();
    try {
      long size = Files.size(file);
      if (size > reader.limits().maxBytes()) {
        return new Read(origin, null, null, "larger than " + reader.limits().maxBytes() + " bytes");
      }
      byte[] json = Files.readAllBytes(file);
      CsafResult result = reader.read(json);
      if (result instanceof CsafDocument doc) {
        return new Read(origin, json, doc, null);
      }
      return new Read(origin, null, null, ((CsafResult.Rejected) result).reason());
    } catch (IOException e) {
      return new Read(origin, null, null, "cannot read: " + e.getMessage());
    }
  }

  private void store(List<Read> window, Tally tally) {
    List<AdvisorySubmission> submissions = new ArrayList<>();
    List<Rejection.New> rejections = new ArrayList<>();
    for (Read r : window) {
      if (r.document() != null) {
        submissions.add(new AdvisorySubmission(r.json(), r.document(), r.origin()));
      } else {
        rejections.add(new Rejection.New(r.origin(), null, r.reason()));
        tally.rejected.add(new ImportSummary.Item(r.origin(), null, r.reason()));
      }
    }
    if (!rejections.isEmpty()) {
      store.recordRejections(rejections);
    }
    List<PutResult> results = store.putAll(submissions);
    for (int i = 0; i < results.size(); i++) {
      tally.count(submissions.get(i).origin(), results.get(i));
    }
  }

  private record Read(String origin, byte[] json, CsafDocument document, String reason) {}

  private static final class Tally {
    int imported;
    int updated;
    int unchanged;
    final List<ImportSummary.Item> ignored = new ArrayList<>();
    final List<ImportSummary.Item> rejected = new ArrayList<>();

    void count(String origin, PutResult r) {
      switch (r.outcome()) {
        case IMPORTED -> imported++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case IGNORED -> ignored.add(new ImportSummary.Item(origin, r.trackingId(), r.reason()));
      }
    }

    ImportSummary summary() {
      return new ImportSummary(imported, updated, unchanged, ignored, rejected);
    }
  }
}
