package io.fieldprint.advisories.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the directory-based distribution's listings: {@code changes.csv} (requirement 13: "path",
 * "current_release_date", no heading; CSAF 2.0 quotes both fields, CSAF 2.1 and CISA do not) and
 * {@code index.txt} (requirement 12: one path per line).
 *
 * <p>The order of {@code changes.csv} is not trusted: CISA's was unsorted for years, so every line
 * is read and a path listed twice keeps its latest date. Paths are relative to the directory; a
 * path that repeats the directory's own trailing segments (CISA writes {@code
 * csaf_files/OT/white/2023/x.json} in the folder {@code .../csaf_files/OT/white/}) is resolved as
 * if those segments were not repeated. Paths that climb out of the directory or are not {@code
 * .json} are skipped and counted as problems.
 */
final class DirectoryListing {
  private DirectoryListing() {}

  /**
   * The listed documents and the lines that could not be used.
   *
   * @param documents one entry per document URL, in first-seen order
   * @param problems one line per skipped line
   */
  record Listing(List<DocumentRef> documents, List<String> problems) {}

  static Listing changesCsv(byte[] bytes, URI directory) {
    Map<URI, DocumentRef> refs = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines(bytes)) {
      lineNo++;
      String[] fields = line.split(",", -1);
      if (fields.length != 2) {
        problems.add("changes.csv line " + lineNo + ": expected 2 fields, got " + fields.length);
        continue;
      }
      Optional<Instant> date = date(unquote(fields[1]));
      Optional<URI> url = resolve(directory, unquote(fields[0]));
      if (date.isEmpty() || url.isEmpty()) {
        problems.add("changes.csv line " + lineNo + ": unusable path or date");
        continue;
      }
      refs.merge(url.get(), DocumentRef.beside(url.get(), date), DocumentRef::newer);
    }
    return new Listing(List.copyOf(refs.values()), problems);
  }

  static Listing indexTxt(byte[] bytes, URI directory) {
    Map<URI, DocumentRef> refs = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines(bytes)) {
      lineNo++;
      Optional<URI> url = resolve(directory, line);
      if (url.isEmpty()) {
        problems.add("index.txt line " + lineNo + ": unusable path");
        continue;
      }
      refs.putIfAbsent(url.get(), DocumentRef.beside(url.get(), Optional.empty()));
    }
    return new Listing(List.copyOf(refs.values()), problems);
  }

  private static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String unquote(String field) {
    String f = field.strip();
    if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
      return f.substring(1, f.length() - 1);
    }
    return f;
  }

  private static Optional<Instant> date(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Resolves a listed path inside the directory, or empty when it would leave it. */
  static Optional<URI> resolve(URI directory, String path) {
    String base = directory.toString().endsWith("/") ? directory.toString() : directory + "/";
    String relative = stripRepeatedSegments(URI.create(base).getPath(), path);
    if (relative.isEmpty()
        || relative.startsWith("/")
        || relative.contains("..")
        || relative.contains("\\")
        || relative.contains(":")
        || !relative.endsWith(".json")) {
      return Optional.empty();
    }
    try {
      URI resolved = new URI(base).resolve(new URI(null, null, relative, null));
      return resolved.toString().startsWith(base) ? Optional.of(resolved) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String stripRepeatedSegments(String directoryPath, String path) {
    String[] segments = directoryPath.split("/");
    for (int from = 1; from < segments.length; from++) {
      String tail = String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length));
      if (!tail.isEmpty() && path.startsWith(tail + "/")) {
        return path.substring(tail.length() + 1);
      }
    }
    return path;
  }
}
