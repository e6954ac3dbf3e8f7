package io.fieldprint.advisories.csaf;

import java.time.Instant;
import java.util.List;

/**
 * A CSAF 2.0 document reduced to what a matcher needs. Unknown members are ignored; problems that
 * did not prevent reading (duplicate ids, unknown references, bad dates) are listed in {@code
 * problems}.
 *
 * @param category {@code document.category}
 * @param csafVersion {@code document.csaf_version}
 * @param title {@code document.title}
 * @param lang {@code document.lang}, or empty
 * @param publisher {@code document.publisher}
 * @param tlpLabel {@code document.distribution.tlp.label}, or empty
 * @param tracking {@code document.tracking}
 * @param notes {@code document.notes}
 * @param references {@code document.references}
 * @param productTree the flattened {@code product_tree}
 * @param vulnerabilities {@code vulnerabilities}
 * @param problems what was wrong but kept
 */
public record CsafDocument(
    String category,
    String csafVersion,
    String title,
    String lang,
    Publisher publisher,
    String tlpLabel,
    Tracking tracking,
    List<Note> notes,
    List<Reference> references,
    ProductTree productTree,
    List<Vulnerability> vulnerabilities,
    List<String> problems)
    implements CsafResult {

  public CsafDocument {
    notes = List.copyOf(notes);
    references = List.copyOf(references);
    vulnerabilities = List.copyOf(vulnerabilities);
    problems = List.copyOf(problems);
  }

  /**
   * {@code document.publisher}; ({@code namespace}, {@code tracking.id}) identifies an advisory.
   *
   * @param name the publisher's name
   * @param namespace its URI
   * @param category {@code coordinator}, {@code vendor}, {@code other}...
   */
  public record Publisher(String name, String namespace, String category) {}

  /**
   * {@code document.tracking}.
   *
   * @param id the tracking id
   * @param version the document version
   * @param status {@code draft}, {@code interim} or {@code final}
   * @param initialReleaseDate first release, or {@code null} when invalid
   * @param currentReleaseDate this release, or {@code null} when invalid
   * @param revisionHistory the revisions as written
   */
  public record Tracking(
      String id,
      String version,
      String status,
      Instant initialReleaseDate,
      Instant currentReleaseDate,
      List<Revision> revisionHistory) {
    public Tracking {
      revisionHistory = List.copyOf(revisionHistory);
    }
  }

  /**
   * {@code revision_history[]}.
   *
   * @param date when, or {@code null} when invalid
   * @param number the revision number
   * @param summary what changed
   */
  public record Revision(Instant date, String number, String summary) {}

  /**
   * {@code notes[]}.
   *
   * @param category {@code summary}, {@code general}, {@code legal_disclaimer}...
   * @param title optional title, or empty
   * @param text the text
   */
  public record Note(String category, String title, String text) {}

  /**
   * {@code references[]}.
   *
   * @param category {@code external} or {@code self}
   * @param summary the summary
   * @param url the URL
   */
  public record Reference(String category, String summary, String url) {}
}
