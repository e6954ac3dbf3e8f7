package io.fieldprint.agent.demo;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CSAF documents of a folder (its {@code .json} files, sub-folders included, at most {@value
 * #MAX_DEPTH} deep and {@value #MAX_FILES} files): each read with {@link CsafReader}, its limits
 * checked on the file size before reading.
 *
 * @param documents the documents read, in path order
 * @param rejected one line per file that could not be used: path and reason
 */
public record AdvisoryFolder(List<CsafDocument> documents, List<String> rejected) {
  static final int MAX_DEPTH = 6;
  static final int MAX_FILES = 20_000;

  public AdvisoryFolder {
    documents = List.copyOf(documents);
    rejected = List.copyOf(rejected);
  }

  /** Reads every document under {@code folder}; a missing folder is an {@link IOException}. */
  public static AdvisoryFolder read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("advisory folder not found: " + folder);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(MAX_FILES + 1L)
              .toList();
    }
    List<String> rejected = new ArrayList<>();
    if (files.size() > MAX_FILES) {
      rejected.add(folder + ": more than " + MAX_FILES + " files; the rest were not read");
      files = files.subList(0, MAX_FILES);
    }
    CsafReader reader = new CsafReader();
    List<CsafDocument> documents = new ArrayList<>();
    for (Path file : files) {
      if (Files.size(file) > reader.limits().maxBytes()) {
        rejected.add(file + ": larger than " + reader.limits().maxBytes() + " bytes");
        continue;
      }
      CsafResult result = reader.read(Files.readAllBytes(file));
      if (result instanceof CsafDocument doc) {
        documents.add(doc);
      } else {
        rejected.add(file + ": " + ((CsafResult.Rejected) result).reason());
      }
    }
    return new AdvisoryFolder(documents, rejected);
  }

  /** Both folders' documents and rejections, this one's first. */
  public AdvisoryFolder plus(AdvisoryFolder other) {
    List<CsafDocument> docs = new ArrayList<>(documents);
    docs.addAll(other.documents);
    List<String> rej = new ArrayList<>(rejected);
    rej.addAll(other.rejected);
    return new AdvisoryFolder(docs, rej);
  }
}
